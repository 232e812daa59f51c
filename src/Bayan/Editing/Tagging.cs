using Bayan.Data;
using Bayan.Operations;
using Bayan.Slugs;
using Bayan.Tags;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>
/// Free tags: an editor types names in the release's language. A name is first looked for among that
/// language's tag names, then among the other languages' (so a tag shown by another of its names is
/// kept); a name found nowhere makes a new tag named in the release's language.
/// </summary>
internal static class Tagging
{
    private const int MaxTags = 20;

    public static async Task<List<Tag>> FindOrCreateAsync(
        BayanDb db, string language, IReadOnlyList<string> names, Dictionary<string, Problem> errors, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).DistinctBy(Slug.From).ToList();
        if (wanted.Count > MaxTags)
            errors["tags"] = new Problem("edit_too_many_tags", MaxTags);
        if (wanted.Any(n => n.Length > Limits.Title || n.Contains('<') || Slug.From(n).Length == 0))
            errors["tags"] = new Problem("edit_tag_invalid");
        if (errors.ContainsKey("tags"))
            return [];
        var slugs = wanted.Select(Slug.From).ToList();
        var known = await db.TagNames.Where(n => slugs.Contains(n.Slug)).ToListAsync(ct);
        var ids = known.Select(n => n.TagId).Distinct().ToList();
        var existing = await db.Tags.Include(t => t.Names).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var tags = new List<Tag>();
        foreach (var name in wanted)
        {
            var slug = Slug.From(name);
            var match = known.Where(n => n.Slug == slug).OrderBy(n => n.Language == language ? 0 : 1).FirstOrDefault();
            tags.Add(match is null
                ? new Tag { Names = [new TagName { Language = language, Name = name, Slug = slug }] }
                : existing[match.TagId]);
        }
        // Two names of one tag give it once; new tags are new objects, existing ones the same object.
        return [.. tags.Distinct()];
    }
}
