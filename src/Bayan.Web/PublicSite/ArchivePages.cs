using Bayan.Archives;
using Bayan.Calendars;
using Bayan.Localization;
using Bayan.Sites;
using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

/// <summary>
/// /{lang}/archive/ and /{lang}/{office}/archive/: the months with releases in the Gregorian and
/// the Hijri calendar, and each month's releases. The site's archive follows the site's zone; an
/// office's follows its own zone and Hijri adjustment.
/// </summary>
internal static class ArchivePages
{
    public static Task<IResult> SiteIndexAsync(string lang, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives) =>
        IndexAsync(lang, null, http, sites, pages, archives);

    public static Task<IResult> OfficeIndexAsync(string lang, string office, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives) =>
        IndexAsync(lang, office, http, sites, pages, archives);

    public static Task<IResult> SiteMonthAsync(string lang, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives) =>
        MonthAsync(lang, null, CalendarKind.Gregorian, year, month, http, sites, pages, archives);

    public static Task<IResult> SiteHijriMonthAsync(string lang, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives) =>
        MonthAsync(lang, null, CalendarKind.UmmAlQura, year, month, http, sites, pages, archives);

    public static Task<IResult> OfficeMonthAsync(string lang, string office, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives) =>
        MonthAsync(lang, office, CalendarKind.Gregorian, year, month, http, sites, pages, archives);

    public static Task<IResult> OfficeHijriMonthAsync(string lang, string office, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives) =>
        MonthAsync(lang, office, CalendarKind.UmmAlQura, year, month, http, sites, pages, archives);

    private static async Task<IResult> IndexAsync(
        string lang, string? officeCode, HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var scope = ArchiveScope.Of(officeCode, site);
        if (scope is null)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, TagOf(scope));
        var (gregorian, hijri) = await archives.MonthsAsync(site, lang, scope, http.RequestAborted);
        var heading = scope.Office is null ? Messages.Get(lang, "archive_title") : Messages.Format(lang, "archive_office_title", scope.Office.NameIn(lang));
        var values = new Dictionary<string, object?>
        {
            ["heading"] = heading,
            ["gregorian_months"] = gregorian,
            ["hijri_months"] = hijri,
        };
        var info = new PageInfo(heading, scope.IndexPath(lang))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, scope.IndexPath(l.Code)))],
            Feeds = FeedsOf(scope, site, lang),
        };
        return await pages.RenderAsync(http, site, lang, "archive", info, values);
    }

    private static async Task<IResult> MonthAsync(
        string lang, string? officeCode, CalendarKind calendar, string yearText, string monthText,
        HttpContext http, SiteReader sites, PageRenderer pages, ArchiveQueries archives)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var scope = ArchiveScope.Of(officeCode, site);
        var range = scope is not null && int.TryParse(yearText, out var year) && int.TryParse(monthText, out var month)
            ? scope.Month(calendar, year, month)
            : null;
        if (scope is null || range is null)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, TagOf(scope));
        var ct = http.RequestAborted;
        if (await archives.IsEmptyAsync(site, lang, scope, calendar, range, ct))
            return await pages.NotFoundAsync(http, site, lang);
        var listing = await archives.MonthAsync(site, lang, scope, calendar, range, request.Page, ct);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));

        var monthName = ArchiveQueries.MonthName(calendar, range.Year, range.Month, lang, site);
        var heading = scope.Office is null ? monthName : $"{scope.Office.NameIn(lang)}: {monthName}";
        var values = listing.ToValues();
        values["heading"] = heading;
        values["archive_url"] = scope.IndexPath(lang);
        var path = scope.MonthPath(lang, calendar, range.Year, range.Month);
        var info = new PageInfo(heading, SiteUrls.WithPage(path, request.Page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(scope.MonthPath(l.Code, calendar, range.Year, range.Month), request.Page)))],
            Feeds = FeedsOf(scope, site, lang),
        };
        return await pages.RenderAsync(http, site, lang, "listing", info, values);
    }

    /// <summary>The archive's feeds: the office's, or the site's.</summary>
    private static IReadOnlyList<FeedLink> FeedsOf(ArchiveScope scope, SiteSnapshot site, string lang) => scope.Office is null
        ? FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), SiteUrls.Home(lang))
        : FeedEndpoints.Links(FeedEndpoints.OfficeTitle(site, lang, scope.Office.NameIn(lang)), SiteUrls.Office(lang, scope.Office.Code));

    /// <summary>What the archive lists: the office's releases, or the whole site's.</summary>
    private static string TagOf(ArchiveScope scope) => scope.Office is null ? CacheTags.SiteListings : CacheTags.Office(scope.Office.Id);
}
