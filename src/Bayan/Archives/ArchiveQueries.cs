using Bayan.Calendars;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Archives;

public sealed record ArchiveMonth(string Name, string Url, string Count);

/// <summary>
/// Whose archive: the site's, which follows the site's zone, or an office's, which follows its own
/// zone and Hijri adjustment.
/// </summary>
public sealed record ArchiveScope(Office? Office, TimeZoneInfo Zone, HijriAdjustment Hijri)
{
    /// <summary>The site's archive (no office code), an office's, or null when no office has that code.</summary>
    public static ArchiveScope? Of(string? officeCode, SiteSnapshot site)
    {
        if (officeCode is null)
            return new ArchiveScope(null, site.Zone, HijriAdjustment.None);
        if (!Slug.IsWellFormed(officeCode))
            return null;
        var office = site.OfficeWithCode(officeCode);
        return office is null ? null : new ArchiveScope(office, DateFormatter.FindZone(office.TimeZone), office.HijriCalendar);
    }

    public string IndexPath(string lang) => Office is null ? SiteUrls.Archive(lang) : SiteUrls.OfficeArchive(lang, Office.Code);

    public string MonthPath(string lang, CalendarKind calendar, int year, int month) =>
        SiteUrls.ArchiveMonth(IndexPath(lang), calendar, year, month);

    /// <summary>The month <paramref name="year"/>/<paramref name="month"/> of <paramref name="calendar"/> as this archive sees it; null when there is none.</summary>
    public MonthRange? Month(CalendarKind calendar, int year, int month) => MonthRange.Of(year, month, calendar, Zone, Hijri);
}

/// <summary>The archives: the months with releases in the Gregorian and the Hijri calendar, and each month's releases.</summary>
public sealed class ArchiveQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    /// <summary>The months with visible releases in this language, newest first, with how many each has.</summary>
    public Task<(List<ArchiveMonth> Gregorian, List<ArchiveMonth> Hijri)> MonthsAsync(SiteSnapshot site, string lang, ArchiveScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Reading every release's date for the month counts is the page's cost: kept until a release changes.
        return facts.GetAsync(site, $"archive {scope.IndexPath(lang)}", async ct =>
        {
            var instants = await Versions(scope, now, lang).Select(v => v.Release.PublishAt!.Value).ToListAsync(ct);
            return (Months(instants, CalendarKind.Gregorian, scope, lang, site), Months(instants, CalendarKind.UmmAlQura, scope, lang, site));
        }, ct);
    }

    /// <summary>Whether the month shows nothing: then it answers as a month that does not exist (see <see cref="Listing"/>).</summary>
    public Task<bool> IsEmptyAsync(SiteSnapshot site, string lang, ArchiveScope scope, CalendarKind calendar, MonthRange range, CancellationToken ct) =>
        Listing.IsEmptyAsync(InMonth(scope, lang, range), site, scope.MonthPath(lang, calendar, range.Year, range.Month), facts, ct);

    /// <summary>Null when the month's listing has no such page.</summary>
    public Task<Listing?> MonthAsync(SiteSnapshot site, string lang, ArchiveScope scope, CalendarKind calendar, MonthRange range, int page, CancellationToken ct) =>
        Listing.LoadAsync(InMonth(scope, lang, range), page, site, lang, scope.MonthPath(lang, calendar, range.Year, range.Month), facts, ct);

    /// <summary>"Jumada al-Awwal 1446", in the language's digits, never broken across lines.</summary>
    public static string MonthName(CalendarKind calendar, int year, int month, string lang, SiteSnapshot site) =>
        DateText.Unbroken(Digits.ForLanguage($"{CalendarNames.MonthAlone(calendar, month, lang)} {year}", lang, site.Site.ExtendedDigits));

    private IQueryable<ReleaseVersion> InMonth(ArchiveScope scope, string lang, MonthRange range)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Versions(scope, now, lang).Where(v => v.Release.PublishAt >= range.StartUtc && v.Release.PublishAt < range.EndUtc);
    }

    private IQueryable<ReleaseVersion> Versions(ArchiveScope scope, DateTime now, string lang)
    {
        var versions = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
        return scope.Office is null ? versions : versions.Where(v => v.Release.OfficeId == scope.Office.Id);
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
}
