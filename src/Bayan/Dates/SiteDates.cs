using System.Globalization;
using Bayan.Calendars;
using Bayan.Offices;
using Bayan.Sites;

namespace Bayan.Dates;

/// <summary>
/// Every date a public page shows, in the site's calendars and the reader's language. The header
/// follows the site's zone; a release is dated where its office issued it, with the office's Hijri adjustment.
/// </summary>
public sealed class SiteDates(Site site, TimeZoneInfo zone)
{
    private readonly IReadOnlyList<CalendarDisplay> header = Read(site.HeaderDates, Site.DefaultHeaderDates);
    private readonly IReadOnlyList<CalendarDisplay> dateline = Read(site.DatelineDates, Site.DefaultDatelineDates);
    private readonly IReadOnlyList<CalendarDisplay> listing = Read(site.ListingDates, Site.DefaultListingDates);
    private DayTexts? listingDays;

    public TimeZoneInfo Zone => zone;

    public LocalDate Listing(DateTime utc, Office office, string lang) =>
        DateFormatter.Format(utc, ZoneOf(office), lang, new DateOptions(listing, office.HijriCalendar, site.ExtendedDigits, Marked: true));

    /// <summary>
    /// As <see cref="Listing"/>, for a list of many releases: the instant in the office's zone (to the second, as
    /// <see cref="LocalDate.Iso"/> writes it) and the day's text, remembered per day, office and language.
    /// </summary>
    /// <param name="office">One of the site snapshot's offices (SiteSnapshot.OfficeWithId).</param>
    public (DateTimeOffset At, string Text) ListingOfSnapshotOffice(DateTime utc, Office office, string lang)
    {
        var local = DateFormatter.ToLocal(utc, ZoneOf(office));
        var days = listingDays ??= new DayTexts((day, o, l) =>
            DateFormatter.Text(day, l, new DateOptions(listing, o.HijriCalendar, site.ExtendedDigits, Marked: true)));
        return (local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond)), days.Of(DateOnly.FromDateTime(local.DateTime), office, lang));
    }

    /// <summary>"H. 20 Rabi' al-Thani 1445 — M. Saturday, 4 November 2023".</summary>
    public LocalDate Dateline(DateTime utc, Office office, string lang) =>
        DateFormatter.Format(utc, ZoneOf(office), lang, new DateOptions(dateline, office.HijriCalendar, site.ExtendedDigits, Marked: true));

    /// <summary>Today in the site's zone: "Thursday, 19 Jumada al-Awwal 1446 — 2024/11/21".</summary>
    public LocalDate Today(DateTime nowUtc, string lang)
    {
        var local = DateFormatter.ToLocal(nowUtc, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        return new LocalDate(
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateFormatter.Text(day, lang, new DateOptions(header, HijriAdjustment.None, site.ExtendedDigits)));
    }

    /// <summary>The time in the site's zone, "14:05", in the language's digits.</summary>
    public LocalDate Clock(DateTime nowUtc, string lang)
    {
        var local = DateFormatter.ToLocal(nowUtc, zone);
        return new LocalDate(
            local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Digits.ForLanguage(local.ToString("HH:mm", CultureInfo.InvariantCulture), lang, site.ExtendedDigits));
    }

    /// <summary>The numbering system the browser's clock script writes digits in, matching <see cref="Digits"/>.</summary>
    public string NumberingSystem(string lang) => lang switch
    {
        "ar" => "arab",
        "fa" or "ur" when site.ExtendedDigits => "arabext",
        _ => "latn",
    };

    private TimeZoneInfo ZoneOf(Office office) =>
        office.TimeZone == site.TimeZone ? zone : DateFormatter.FindZone(office.TimeZone);

    private static IReadOnlyList<CalendarDisplay> Read(string text, string fallback) =>
        CalendarDisplay.ParseList(text) ?? CalendarDisplay.ParseList(fallback)!;
}
