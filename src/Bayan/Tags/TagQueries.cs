using System.Globalization;
using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tags;

/// <summary>
/// Tags as readers see them: those of at least one release visible now, with their names (a tag
/// carried only by an embargoed or unpublished release would tell of it before its time, so it is
/// left out), a tag's page and its releases; and every tag as the back office manages them.
/// </summary>
public sealed class TagQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    public async Task<IReadOnlyList<Tag>> VisibleAsync(CancellationToken ct) =>
        await Visible().Include(t => t.Names).OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>The visible tag with this id, or with this slug in any language; null when there is none.</summary>
    public Task<Tag?> FindVisibleAsync(string idOrSlug, CancellationToken ct) =>
        int.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Visible().FirstOrDefaultAsync(t => t.Id == id, ct)
            : Visible().FirstOrDefaultAsync(t => t.Names.Any(n => n.Slug == idOrSlug), ct);

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

    /// <summary>Every tag with its names, and on how many releases (of any status) it is.</summary>
    public async Task<List<(Tag Tag, int Releases)>> AllWithUseAsync(CancellationToken ct)
    {
        var tags = await db.Tags.AsNoTracking().Include(t => t.Names).ToListAsync(ct);
        var counts = await db.Releases.SelectMany(r => r.Tags).GroupBy(t => t.Id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. tags.Select(t => (t, counts.GetValueOrDefault(t.Id)))];
    }

    private IQueryable<Tag> Visible()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var releases = db.Releases.VisibleAt(now);
        return db.Tags.AsNoTracking().Where(t => releases.Any(r => r.Tags.Any(x => x.Id == t.Id)));
    }

    private IQueryable<ReleaseVersion> Releases(string lang, Tag tag)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang && v.Release.Tags.Any(t => t.Id == tag.Id));
    }
}
