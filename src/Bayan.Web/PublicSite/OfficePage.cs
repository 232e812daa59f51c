using Bayan.Localization;
using Bayan.Offices;
using Bayan.Sites;
using Bayan.Slugs;
using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/{office}/: an office's releases, paged.</summary>
internal static class OfficePage
{
    public static async Task<IResult> HandleAsync(
        string lang, string office, HttpContext http, SiteReader sites, PageRenderer pages, OfficeQueries offices)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        if (!Slug.IsWellFormed(office))
            return await pages.NotFoundAsync(http, site, lang);
        var found = site.OfficeWithCode(office);
        if (found is null)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, CacheTags.Office(found.Id));
        var listing = await offices.ReleasesAsync(site, lang, found, request.Page, http.RequestAborted);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));

        var path = SiteUrls.Office(lang, found.Code);
        var values = listing.ToValues();
        values["heading"] = found.NameIn(lang);
        values["archive_url"] = SiteUrls.OfficeArchive(lang, found.Code);
        var info = new PageInfo(found.NameIn(lang), SiteUrls.WithPage(path, request.Page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(SiteUrls.Office(l.Code, found.Code), request.Page)))],
            Feeds = FeedEndpoints.Links(FeedEndpoints.OfficeTitle(site, lang, found.NameIn(lang)), path),
        };
        return await pages.RenderAsync(http, site, lang, "listing", info, values);
    }
}
