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
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var path = SiteUrls.Home(lang);
        PageCache.Tag(http, CacheTags.SiteListings);

        var inLanguage = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
        var listing = await Listing.LoadAsync(inLanguage, request.Page, site, lang, path, ct);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));

        var values = listing.ToValues();
        // The blocks belong to the front page only; later pages are the plain listing.
        values["office_blocks"] = request.Page == 1 ? await OfficeBlocksAsync(db, inLanguage, site, lang, ct) : [];
        values["category_blocks"] = request.Page == 1 ? await CategoryBlocksAsync(db, inLanguage, site, lang, ct) : [];
        var info = new PageInfo(site.In(lang).SiteName, SiteUrls.WithPage(path, request.Page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(SiteUrls.Home(l.Code), request.Page)))],
            Description = site.In(lang).Tagline,
            Feeds = FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), path),
        };
        return await pages.RenderAsync(http, site, lang, "home", info, values);
    }

    private static async Task<List<HomeBlock>> OfficeBlocksAsync(
        BayanDb db, IQueryable<ReleaseVersion> inLanguage, SiteSnapshot site, string lang, CancellationToken ct)
    {
        var blocks = new List<HomeBlock>();
        var offices = await db.Offices.AsNoTracking().Include(o => o.Names)
            .OrderBy(o => o.Position).ThenBy(o => o.Code).ToListAsync(ct);
        foreach (var office in offices)
        {
            var latest = await inLanguage.Where(v => v.Release.OfficeId == office.Id)
                .WithListingData().NewestFirst().Take(PerBlock).ToListAsync(ct);
            if (latest.Count > 0)
                blocks.Add(new HomeBlock(office.NameIn(lang), SiteUrls.Office(lang, office.Code), [.. latest.Select(v => ReleaseCard.From(v, site))]));
        }
        return blocks;
    }

    /// <summary>Top-level categories named in this language, each with its newest releases (subcategories included).</summary>
    private static async Task<List<HomeBlock>> CategoryBlocksAsync(
        BayanDb db, IQueryable<ReleaseVersion> inLanguage, SiteSnapshot site, string lang, CancellationToken ct)
    {
        var blocks = new List<HomeBlock>();
        var categories = await db.CategoryNames.AsNoTracking()
            .Where(n => n.Language == lang)
            .Join(db.Categories.Where(c => c.ParentId == null), n => n.CategoryId, c => c.Id, (n, c) => new { c.Id, c.Position, n.Name, n.Slug })
            .OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        foreach (var category in categories)
        {
            var latest = await inLanguage
                .Where(v => v.Release.Categories.Any(c => c.Id == category.Id || c.ParentId == category.Id))
                .WithListingData().NewestFirst().Take(PerBlock).ToListAsync(ct);
            if (latest.Count > 0)
                blocks.Add(new HomeBlock(category.Name, SiteUrls.Category(lang, category.Slug), [.. latest.Select(v => ReleaseCard.From(v, site))]));
        }
        return blocks;
    }
}

public sealed record HomeBlock(string Name, string Url, IReadOnlyList<ReleaseCard> Releases);
