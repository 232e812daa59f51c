using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tags;

/// <summary>What readers see of a tag: the tag by its slug in a language, and the releases it is on.</summary>
public sealed class TagQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    /// <summary>The tag named <paramref name="slug"/> in <paramref name="lang"/>, with its names in every language; a tag has a page only in those.</summary>
    public async Task<Tag?> WithSlugAsync(string lang, string slug, CancellationToken ct) =>
        Slug.IsWellFormed(slug)
            ? await db.Tags.AsNoTracking().Include(t => t.Names)
                .FirstOrDefaultAsync(t => t.Names.Any(n => n.Language == lang && n.Slug == slug), ct)
            : null;

    /// <summary>Whether any is visible: a tag showing nothing answers as an unknown one (see <see cref="Listing"/>).</summary>
    public Task<bool> IsEmptyAsync(SiteSnapshot site, string lang, Tag tag, TagName name, CancellationToken ct) =>
        Listing.IsEmptyAsync(Releases(lang, tag), site, SiteUrls.Tag(lang, name.Slug), facts, ct);

    /// <summary>Null when the listing has no such page.</summary>
    /// <param name="name">The tag's name in <paramref name="lang"/>.</param>
    public Task<Listing?> ReleasesAsync(SiteSnapshot site, string lang, Tag tag, TagName name, int page, CancellationToken ct) =>
        Listing.LoadAsync(Releases(lang, tag), page, site, lang, SiteUrls.Tag(lang, name.Slug), facts, ct);

    private IQueryable<ReleaseVersion> Releases(string lang, Tag tag)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang && v.Release.Tags.Any(t => t.Id == tag.Id));
    }

    /// <summary>Every tag with its names, and on how many releases (of any status) it is.</summary>
    public async Task<List<(Tag Tag, int Releases)>> AllWithUseAsync(CancellationToken ct)
    {
        var tags = await db.Tags.AsNoTracking().Include(t => t.Names).ToListAsync(ct);
        var counts = await db.Releases.SelectMany(r => r.Tags).GroupBy(t => t.Id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. tags.Select(t => (t, counts.GetValueOrDefault(t.Id)))];
    }
}
