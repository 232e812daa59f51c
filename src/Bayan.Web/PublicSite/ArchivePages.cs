using Bayan.Calendars;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Localization;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Slugs;
using Bayan.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

public sealed record ArchiveMonth(string Name, string Url, string Count);

/// <summary>
/// /{lang}/archive/ and /{lang}/{office}/archive/: the months with releases in the Gregorian and
/// the Hijri calendar, and each month's releases. The site's archive follows the site's zone; an
/// office's follows its own zone and Hijri adjustment.
/// </summary>
internal static class ArchivePages
{
    public static Task<IResult> SiteIndexAsync(string lang, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock) =>
        IndexAsync(lang, null, http, sites, pages, db, clock);

    public static Task<IResult> OfficeIndexAsync(string lang, string office, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock) =>
        IndexAsync(lang, office, http, sites, pages, db, clock);

    public static Task<IResult> SiteMonthAsync(string lang, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock) =>
        MonthAsync(lang, null, CalendarKind.Gregorian, year, month, http, sites, pages, db, clock);

    public static Task<IResult> SiteHijriMonthAsync(string lang, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock) =>
        MonthAsync(lang, null, CalendarKind.UmmAlQura, year, month, http, sites, pages, db, clock);

    public static Task<IResult> OfficeMonthAsync(string lang, string office, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock) =>
        MonthAsync(lang, office, CalendarKind.Gregorian, year, month, http, sites, pages, db, clock);

    public static Task<IResult> OfficeHijriMonthAsync(string lang, string office, string year, string month, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock) =>
        MonthAsync(lang, office, CalendarKind.UmmAlQura, year, month, http, sites, pages, db, clock);

    private static async Task<IResult> IndexAsync(
        string lang, string? officeCode, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var scope = ScopeOf(officeCode, site);
        if (scope is null)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, scope.Tag);
        var now = clock.GetUtcNow().UtcDateTime;
        // Reading every release's date for the month counts is the page's cost: kept until a release changes.
        var (gregorian, hijri) = await ReleaseFacts.In(http).GetAsync(site, $"archive {scope.IndexPath(lang)}", async ct =>
        {
            var instants = await scope.Versions(db, now, lang).Select(v => v.Release.PublishAt!.Value).ToListAsync(ct);
            return (Months(instants, CalendarKind.Gregorian, scope, lang, site), Months(instants, CalendarKind.UmmAlQura, scope, lang, site));
        }, http.RequestAborted);
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
            Feeds = scope.Feeds(site, lang),
        };
        return await pages.RenderAsync(http, site, lang, "archive", info, values);
    }

    private static async Task<IResult> MonthAsync(
        string lang, string? officeCode, CalendarKind calendar, string yearText, string monthText,
        HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var scope = ScopeOf(officeCode, site);
        var range = scope is not null && int.TryParse(yearText, out var year) && int.TryParse(monthText, out var month)
            ? MonthRange.Of(year, month, calendar, scope.Zone, scope.Hijri)
            : null;
        if (scope is null || range is null)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, scope.Tag);
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = scope.Versions(db, now, lang)
            .Where(v => v.Release.PublishAt >= range.StartUtc && v.Release.PublishAt < range.EndUtc);
        var path = scope.MonthPath(lang, calendar, range.Year, range.Month);
        if (await Listing.IsEmptyAsync(versions, site, path, ReleaseFacts.In(http), http.RequestAborted))
            return await pages.NotFoundAsync(http, site, lang);
        var listing = await Listing.LoadAsync(versions, request.Page, site, lang, path, ReleaseFacts.In(http), http.RequestAborted);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));

        var monthName = MonthName(calendar, range.Year, range.Month, lang, site);
        var heading = scope.Office is null ? monthName : $"{scope.Office.NameIn(lang)}: {monthName}";
        var values = listing.ToValues();
        values["heading"] = heading;
        values["archive_url"] = scope.IndexPath(lang);
        var info = new PageInfo(heading, SiteUrls.WithPage(path, request.Page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(scope.MonthPath(l.Code, calendar, range.Year, range.Month), request.Page)))],
            Feeds = scope.Feeds(site, lang),
        };
        return await pages.RenderAsync(http, site, lang, "listing", info, values);
    }

    private static List<ArchiveMonth> Months(List<DateTime> instants, CalendarKind calendar, ArchiveScope scope, string lang, SiteSnapshot site) =>
        [.. instants
            .Select(i => MonthRange.Containing(i, calendar, scope.Zone, scope.Hijri))
            .OfType<(int Year, int Month)>()
            .GroupBy(m => m)
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
            .Select(g => new ArchiveMonth(
                MonthName(calendar, g.Key.Year, g.Key.Month, lang, site),
                scope.MonthPath(lang, calendar, g.Key.Year, g.Key.Month),
                Digits.ForLanguage(g.Count().ToString(), lang, site.Site.ExtendedDigits)))];

    private static string MonthName(CalendarKind calendar, int year, int month, string lang, SiteSnapshot site) =>
        DateText.Unbroken(Digits.ForLanguage($"{CalendarNames.MonthAlone(calendar, month, lang)} {year}", lang, site.Site.ExtendedDigits));

    private static ArchiveScope? ScopeOf(string? officeCode, SiteSnapshot site)
    {
        if (officeCode is null)
            return new ArchiveScope(null, site.Zone, HijriAdjustment.None);
        if (!Slug.IsWellFormed(officeCode))
            return null;
        var office = site.OfficeWithCode(officeCode);
        return office is null ? null : new ArchiveScope(office, DateFormatter.FindZone(office.TimeZone), office.HijriCalendar);
    }

    private sealed record ArchiveScope(Office? Office, TimeZoneInfo Zone, HijriAdjustment Hijri)
    {
        public IQueryable<ReleaseVersion> Versions(BayanDb db, DateTime now, string lang)
        {
            var versions = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
            return Office is null ? versions : versions.Where(v => v.Release.OfficeId == Office.Id);
        }

        /// <summary>The archive's feeds: the office's, or the site's.</summary>
        public IReadOnlyList<FeedLink> Feeds(SiteSnapshot site, string lang) => Office is null
            ? FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), SiteUrls.Home(lang))
            : FeedEndpoints.Links(FeedEndpoints.OfficeTitle(site, lang, Office.NameIn(lang)), SiteUrls.Office(lang, Office.Code));

        /// <summary>What the archive lists: the office's releases, or the whole site's.</summary>
        public string Tag => Office is null ? CacheTags.SiteListings : CacheTags.Office(Office.Id);

        public string IndexPath(string lang) => Office is null ? SiteUrls.Archive(lang) : SiteUrls.OfficeArchive(lang, Office.Code);

        public string MonthPath(string lang, CalendarKind calendar, int year, int month) =>
            SiteUrls.ArchiveMonth(IndexPath(lang), calendar, year, month);
    }
}
