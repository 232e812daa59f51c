using System.Globalization;
using Bayan.Calendars;

namespace Bayan.Dates;

/// <summary>Writes instants as the site's readers see them: in the site's zone, calendars and language.</summary>
public static class DateFormatter
{
    /// <summary>"H. 20 Rabi' al-Thani 1445 — M. Saturday, 4 November 2023", with the instant as ISO 8601.</summary>
    public static LocalDate Format(DateTime utc, TimeZoneInfo zone, string language, DateOptions options)
    {
        var local = ToLocal(utc, zone);
        var iso = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return new LocalDate(iso, Text(DateOnly.FromDateTime(local.DateTime), language, options));
    }

    /// <summary>
    /// The calendars of a local day, each one unbreakable and joined by <see cref="DateText.CalendarSeparator"/>,
    /// where alone a line may break; a calendar that cannot show the day falls back or is left out.
    /// </summary>
    public static string Text(DateOnly day, string language, DateOptions options)
    {
        var marked = options.Marked && options.Calendars.Count > 1;
        var parts = new List<string>(options.Calendars.Count);
        foreach (var display in options.Calendars)
        {
            if (CalendarConverter.ConvertOrNearest(day, display.Calendar, options.Hijri) is not { } date)
                continue;
            var text = DateText.Format(date, display.Style, language, options.ExtendedDigits);
            parts.Add(DateText.Unbroken(marked ? DateText.Marked(text, date.Calendar, language) : text));
        }
        if (parts.Count == 0)
            parts.Add(DateText.Unbroken(DateText.Format(CalendarConverter.Convert(day, CalendarKind.Gregorian)!.Value, DateStyle.Medium, language, options.ExtendedDigits)));
        return string.Join(DateText.CalendarSeparator, parts);
    }

    public static DateTimeOffset ToLocal(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(instant, zone), zone.GetUtcOffset(instant));
    }

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
