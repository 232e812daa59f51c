using Bayan.Data;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/: the latest releases, and on the first page the latest of each office.</summary>
internal static class HomePage
{
    private const int PerBlock = 3;

    public static async Task<IResult> HandleAsync(
        string lang, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        PageCache.Tag(http, CacheTags.SiteListings);
        var content = await ContentAsync(site, lang, request.Page, db, ReleaseFacts.In(http), clock, http.RequestAborted);
        if (content is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));
        return await pages.RenderAsync(http, site, lang, content);
    }

    /// <summary>What page <paramref name="page"/> of the home shows, made without any request; null when there is no such page.</summary>
    public static async Task<PageContent?> ContentAsync(
        SiteSnapshot site, string lang, int page, BayanDb db, ReleaseFacts facts, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var path = SiteUrls.Home(lang);
        var inLanguage = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
        var listing = await Listing.LoadAsync(inLanguage, page, site, lang, path, facts, ct);
        if (listing is null)
            return null;

        var values = listing.ToValues();
        // The blocks belong to the front page only; later pages are the plain listing.
        if (page == 1)
        {
            // Finding the newest few of every office and category walks far down the releases on a large
            // site (a rare category's newest may be months back): the blocks stay until a release changes.
            values["office_blocks"] = await facts.GetAsync(site, $"office blocks {lang}", ct => OfficeBlocksAsync(db.ReleaseVersions, inLanguage, site, lang, ct), ct);
            values["category_blocks"] = await facts.GetAsync(site, $"category blocks {lang}", ct => CategoryBlocksAsync(db.ReleaseVersions, inLanguage, site, lang, ct), ct);
        }
        else
        {
            values["office_blocks"] = values["category_blocks"] = new List<HomeBlock>();
        }
        var info = new PageInfo(site.In(lang).SiteName, SiteUrls.WithPage(path, page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(SiteUrls.Home(l.Code), page)))],
            Description = site.In(lang).Tagline,
            Feeds = FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), path),
        };
        return new PageContent("home", info, values);
    }

    /// <summary>Each office with its newest releases in this language, in the site's order of offices.</summary>
    private static Task<List<HomeBlock>> OfficeBlocksAsync(
        IQueryable<ReleaseVersion> all, IQueryable<ReleaseVersion> inLanguage, SiteSnapshot site, string lang, CancellationToken ct) =>
        BlocksAsync(all, site, [.. site.Offices.Select(office => new BlockSource(
            office.NameIn(lang), SiteUrls.Office(lang, office.Code), inLanguage.Where(v => v.Release.OfficeId == office.Id)))], ct);

    /// <summary>Top-level categories named in this language, each with its newest releases (subcategories included).</summary>
    private static Task<List<HomeBlock>> CategoryBlocksAsync(
        IQueryable<ReleaseVersion> all, IQueryable<ReleaseVersion> inLanguage, SiteSnapshot site, string lang, CancellationToken ct) =>
        BlocksAsync(all, site, [.. site.TopCategoriesIn(lang).Select(c =>
        {
            var ids = site.WithChildren(c.Category.Id);
            return new BlockSource(c.Name.Name, SiteUrls.Category(lang, c.Name.Slug),
                inLanguage.Where(v => v.Release.Categories.Any(x => ids.Contains(x.Id))));
        })], ct);

    /// <summary>
    /// The newest few of every block in one query (a UNION ALL of small ones), so the front page asks
    /// the database the same number of times however many offices and categories the site has.
    /// </summary>
    private static async Task<List<HomeBlock>> BlocksAsync(IQueryable<ReleaseVersion> all, SiteSnapshot site, IReadOnlyList<BlockSource> sources, CancellationToken ct)
    {
        if (sources.Count == 0)
            return [];
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

public sealed record HomeBlock(string Name, string Url, IReadOnlyList<ReleaseCard> Releases);
