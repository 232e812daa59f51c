using Bayan.Data;
using Bayan.Slugs;
using Bayan.Tags;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>Free tags: an editor types names; existing tags are reused by slug, new ones created.</summary>
internal static class Tagging
{
    private const int MaxTags = 20;

    public static async Task<List<Tag>> FindOrCreateAsync(BayanDb db, IReadOnlyList<string> names, Dictionary<string, Problem> errors, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).DistinctBy(Slug.From).ToList();
        if (wanted.Count > MaxTags)
            errors["tags"] = new Problem("edit_too_many_tags", MaxTags);
        if (wanted.Any(n => n.Length > Limits.Title || Slug.From(n).Length == 0))
            errors["tags"] = new Problem("edit_tag_invalid");
        if (errors.ContainsKey("tags"))
            return [];
        var slugs = wanted.Select(Slug.From).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var created = wanted.Where(n => existing.All(t => t.Slug != Slug.From(n))).Select(n => new Tag { Name = n, Slug = Slug.From(n) });
        return [.. existing, .. created];
    }
}
