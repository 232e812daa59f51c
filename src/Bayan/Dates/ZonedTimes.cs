using System.Globalization;
using Bayan.Calendars;
using Bayan.Localization;
using Bayan.Sites;

namespace Bayan.Dates;

/// <summary>
/// The one way an embargo or a publication time is written: hour, the zone's name and the day, in
/// the reader's language and digits, "07:39 Makkah time, Monday, 7 December 2026". Always the site's
/// zone, the zone the scheduling form asks in and the header's clock names, so a time quoted to a
/// journalist never needs a second look.
/// </summary>
public sealed class ZonedTimes(Site site, IReadOnlyList<SiteLanguage> languages, TimeZoneInfo zone)
{
    private static readonly IReadOnlyList<CalendarDisplay> Day = [new(CalendarKind.Gregorian, DateStyle.Long)];

    public TimeZoneInfo Zone => zone;

    public string Format(DateTime utc, string language)
    {
        var local = DateFormatter.ToLocal(utc, zone);
        var time = Digits.ForLanguage(local.ToString("HH:mm", CultureInfo.InvariantCulture), language, site.ExtendedDigits);
        var day = DateFormatter.Text(DateOnly.FromDateTime(local.DateTime), language, new DateOptions(Day, HijriAdjustment.None, site.ExtendedDigits));
        return Messages.Format(language, "zoned_time", time, ZoneName(language, local.Offset), day);
    }

    /// <summary>The site's name for its clock in this language ("Makkah time"), else the zone and its offset.</summary>
    public string ZoneName(string language, TimeSpan? offset = null)
    {
        var named = languages.FirstOrDefault(l => l.Code == language)?.ClockName;
        if (!string.IsNullOrWhiteSpace(named))
            return named;
        var at = offset ?? zone.BaseUtcOffset;
        var sign = at < TimeSpan.Zero ? "-" : "+";
        var text = zone == TimeZoneInfo.Utc ? "UTC" : $"{zone.Id} (UTC{sign}{at.Duration():hh\\:mm})";
        return Digits.ForLanguage(text, language, site.ExtendedDigits);
    }
}
