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
    public const int MaxTags = 20;

    public static async Task<List<Tag>> FindOrCreateAsync(
        BayanDb db, string language, IReadOnlyList<string> names, Dictionary<string, Problem> errors, CancellationToken ct) =>
        (await KnownAsync(db, names, ct)).For(language, names, errors);

    /// <summary>The tags these names (of one release or of many) already have, read in two queries.</summary>
    public static async Task<KnownTags> KnownAsync(BayanDb db, IEnumerable<string> names, CancellationToken ct)
    {
        var slugs = names.Select(n => Slug.From(n.Trim())).Where(s => s.Length > 0).Distinct().ToList();
        if (slugs.Count == 0)
            return new KnownTags([], []);
        var known = await db.TagNames.Where(n => slugs.Contains(n.Slug)).ToListAsync(ct);
        var ids = known.Select(n => n.TagId).Distinct().ToList();
        var existing = await db.Tags.Include(t => t.Names).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return new KnownTags(known, existing);
    }
}

/// <summary>
/// Tag names found in the database for a set of names, and the tags made since: a name a release of the same
/// batch made a tag for is that tag, as it would be had that release been saved first.
/// </summary>
internal sealed class KnownTags(List<TagName> known, Dictionary<int, Tag> existing)
{
    private readonly Dictionary<string, Tag> made = new(StringComparer.Ordinal);

    public List<Tag> For(string language, IReadOnlyList<string> names, Dictionary<string, Problem> errors)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).DistinctBy(Slug.From).ToList();
        if (wanted.Count > Tagging.MaxTags)
            errors["tags"] = new Problem("edit_too_many_tags", Tagging.MaxTags);
        if (wanted.Any(n => n.Length > Limits.Title || n.Contains('<') || Slug.From(n).Length == 0))
            errors["tags"] = new Problem("edit_tag_invalid");
        if (errors.ContainsKey("tags"))
            return [];
        var tags = new List<Tag>();
        foreach (var name in wanted)
        {
            var slug = Slug.From(name);
            var match = known.Where(n => n.Slug == slug).OrderBy(n => n.Language == language ? 0 : 1).FirstOrDefault();
            if (match is not null)
                tags.Add(existing[match.TagId]);
            else if (made.TryGetValue(slug, out var tag))
                tags.Add(tag);
            else
                tags.Add(made[slug] = new Tag { Names = [new TagName { Language = language, Name = name, Slug = slug }] });
        }
        // Two names of one tag give it once; new tags are new objects, existing ones the same object.
        return [.. tags.Distinct()];
    }
}
