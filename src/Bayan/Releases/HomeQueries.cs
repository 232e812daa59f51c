using Bayan.Data;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>A block of the home: an office or a category, with its newest releases in the page's language.</summary>
public sealed record HomeBlock(string Name, string Url, IReadOnlyList<ReleaseCard> Releases);

/// <summary>The home of a language: its latest releases, paged, and the newest few of each office and category.</summary>
public sealed class HomeQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    private const int PerBlock = 3;

    /// <summary>Page <paramref name="page"/> of the language's releases, newest first; null when there is no such page.</summary>
    public Task<Listing?> LatestAsync(SiteSnapshot site, string lang, int page, CancellationToken ct) =>
        Listing.LoadAsync(InLanguage(lang), page, site, lang, SiteUrls.Home(lang), facts, ct);

    // Finding the newest few of every office and category walks far down the releases on a large
    // site (a rare category's newest may be months back): the blocks stay until a release changes.

    /// <summary>Each office with its newest releases in this language, in the site's order of offices.</summary>
    public Task<List<HomeBlock>> OfficeBlocksAsync(SiteSnapshot site, string lang, CancellationToken ct) =>
        facts.GetAsync(site, $"office blocks {lang}", ct =>
        {
            var inLanguage = InLanguage(lang);
            return BlocksAsync(site, [.. site.Offices.Select(office => new BlockSource(
                office.NameIn(lang), SiteUrls.Office(lang, office.Code), inLanguage.Where(v => v.Release.OfficeId == office.Id)))], ct);
        }, ct);

    /// <summary>Top-level categories named in this language, each with its newest releases (subcategories included).</summary>
    public Task<List<HomeBlock>> CategoryBlocksAsync(SiteSnapshot site, string lang, CancellationToken ct) =>
        facts.GetAsync(site, $"category blocks {lang}", ct =>
        {
            var inLanguage = InLanguage(lang);
            return BlocksAsync(site, [.. site.TopCategoriesIn(lang).Select(c =>
            {
                var ids = site.WithChildren(c.Category.Id);
                return new BlockSource(c.Name.Name, SiteUrls.Category(lang, c.Name.Slug),
                    inLanguage.Where(v => v.Release.Categories.Any(x => ids.Contains(x.Id))));
            })], ct);
        }, ct);

    private IQueryable<ReleaseVersion> InLanguage(string lang)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
    }

    /// <summary>
    /// The newest few of every block in one query (a UNION ALL of small ones), so the front page asks
    /// the database the same number of times however many offices and categories the site has.
    /// </summary>
    private async Task<List<HomeBlock>> BlocksAsync(SiteSnapshot site, IReadOnlyList<BlockSource> sources, CancellationToken ct)
    {
        if (sources.Count == 0)
            return [];
        var all = db.ReleaseVersions;
        // Each part picks its newest in a subquery: SQLite refuses LIMIT on a part of a UNION itself.
        var query = sources
            .Select((source, i) =>
            {
                var newest = source.Versions.NewestFirst().Take(PerBlock).Select(n => n.Id);
                // The filters are in the subquery already: the outer part only looks its few rows up.
                return all.Where(v => newest.Contains(v.Id)).AsCards(i);
            })
            .Aggregate(Queryable.Concat);
        var rows = await query.ToListAsync(ct);
        var byGroup = rows.ToLookup(r => r.Group);
        return [.. sources.Select((source, i) => (source, cards: byGroup[i].OrderByDescending(r => r.Date).ThenByDescending(r => r.ReleaseId).ToList()))
            .Where(b => b.cards.Count > 0)
            .Select(b => new HomeBlock(b.source.Name, b.source.Url, [.. b.cards.Select(r => ReleaseCard.From(r, site))]))];
    }

    private sealed record BlockSource(string Name, string Url, IQueryable<ReleaseVersion> Versions);
}
