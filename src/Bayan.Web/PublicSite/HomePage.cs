using Bayan.Localization;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/: the latest releases, and on the first page the latest of each office and category.</summary>
internal static class HomePage
{
    public static async Task<IResult> HandleAsync(string lang, HttpContext http, SiteReader sites, PageRenderer pages, HomeQueries home)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        PageCache.Tag(http, CacheTags.SiteListings);
        var content = await ContentAsync(site, lang, request.Page, home, http.RequestAborted);
        if (content is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));
        return await pages.RenderAsync(http, site, lang, content);
    }

    /// <summary>What page <paramref name="page"/> of the home shows, made without any request; null when there is no such page.</summary>
    public static async Task<PageContent?> ContentAsync(SiteSnapshot site, string lang, int page, HomeQueries home, CancellationToken ct)
    {
        var listing = await home.LatestAsync(site, lang, page, ct);
        if (listing is null)
            return null;
        var values = listing.ToValues();
        // The blocks belong to the front page only; later pages are the plain listing.
        values["office_blocks"] = page == 1 ? await home.OfficeBlocksAsync(site, lang, ct) : new List<HomeBlock>();
        values["category_blocks"] = page == 1 ? await home.CategoryBlocksAsync(site, lang, ct) : new List<HomeBlock>();
        var path = SiteUrls.Home(lang);
        var info = new PageInfo(site.In(lang).SiteName, SiteUrls.WithPage(path, page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(SiteUrls.Home(l.Code), page)))],
            Description = site.In(lang).Tagline,
            Feeds = FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), path),
        };
        return new PageContent("home", info, values);
    }
}
