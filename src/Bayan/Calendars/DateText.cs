using Bayan.Dates;
using Bayan.Localization;

namespace Bayan.Calendars;

/// <summary>Writes a calendar date in a language: names, word order, separators and digits.</summary>
public static class DateText
{
    /// <summary>
    /// Stands between the calendars of one date, in every language. A middle dot reads as the
    /// Arabic-Indic zero (٠) and a bar as the Arabic-Indic one (١) next to Arabic digits; a dash looks
    /// like no digit of any script the site writes.
    /// </summary>
    public const string CalendarSeparator = " — ";

    private const char NoBreakSpace = '\u00A0';
    private const char NoBreakHyphen = '\u2011';

    public static string Format(CalendarDate date, DateStyle style, string language, bool extendedDigits = false)
    {
        var text = style switch
        {
            DateStyle.Short => $"{date.Year:0000}/{date.Month:00}/{date.Day:00}",
            DateStyle.Medium => DayMonthYear(date, language),
            _ => $"{CalendarNames.Weekday(date.DayOfWeek, language)}{Comma(language)} {DayMonthYear(date, language)}",
        };
        return Digits.ForLanguage(text, language, extendedDigits);
    }

    /// <summary>The calendar's localized marker around a date: "H. …" and "M. …" in English, "… هـ" and "… م" in Arabic.</summary>
    public static string Marked(string text, CalendarKind calendar, string language) =>
        Messages.Format(language, calendar switch
        {
            CalendarKind.Gregorian => "calendar_mark_gregorian",
            CalendarKind.SolarHijri => "calendar_mark_solar_hijri",
            _ => "calendar_mark_hijri",
        }, text);

    /// <summary>
    /// One date as a single unbreakable piece: its spaces and hyphens become their no-break forms, so a
    /// line never ends between a day and its month or leaves an era mark (a lone "م") on the next line.
    /// </summary>
    public static string Unbroken(string text) =>
        text.Replace(' ', NoBreakSpace).Replace('-', NoBreakHyphen);

    private static string DayMonthYear(CalendarDate date, string language) =>
        $"{date.Day} {CalendarNames.Month(date.Calendar, date.Month, language)} {date.Year}";

    private static string Comma(string language) => language is "ar" or "ur" or "fa" ? "،" : ",";
}
