using System.Globalization;
using Bayan.Localization;

namespace Bayan.Dates;

/// <summary>An instant as a reader sees it: machine-readable ISO 8601 with the zone's offset, and localized text.</summary>
public sealed record LocalDate(string Iso, string Text);

/// <summary>Formats instants in a time zone and a language (Gregorian calendar).</summary>
public static class DateFormatter
{
    public static LocalDate Format(DateTime utc, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var offset = zone.GetUtcOffset(utc);
        var iso = new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var text = local.ToString("d MMMM yyyy", GregorianCulture(language));
        return new LocalDate(iso, Digits.ForLanguage(text, language));
    }

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static readonly Dictionary<string, CultureInfo> Cultures = new();

    private static CultureInfo GregorianCulture(string language)
    {
        lock (Cultures)
        {
            if (Cultures.TryGetValue(language, out var cached))
                return cached;
            var culture = (CultureInfo)CultureInfo.GetCultureInfo(Languages.Find(language)?.Culture ?? "en").Clone();
            var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>()
                .FirstOrDefault(c => c.CalendarType == GregorianCalendarTypes.Localized) ?? new GregorianCalendar();
            culture.DateTimeFormat.Calendar = gregorian;
            return Cultures[language] = CultureInfo.ReadOnly(culture);
        }
    }
}
