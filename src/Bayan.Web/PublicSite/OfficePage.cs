using Bayan.Data;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Slugs;
using Bayan.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/{office}/: an office's releases, paged.</summary>
internal static class OfficePage
{
    public static async Task<IResult> HandleAsync(
        string lang, string office, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
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
        var path = SiteUrls.Office(lang, found.Code);
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang && v.Release.OfficeId == found.Id);
        var listing = await Listing.LoadAsync(versions, request.Page, site, lang, path, ReleaseFacts.In(http), http.RequestAborted);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));

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
