using System.Globalization;

namespace Bayan.Calendars;

/// <summary>
/// Converts a local Gregorian day into any of the site's calendars with System.Globalization,
/// applying an office's Hijri adjustment. Days outside a calendar's range give null, never an exception.
/// </summary>
public static class CalendarConverter
{
    private static readonly GregorianCalendar Gregorian = new();
    private static readonly UmAlQuraCalendar UmmAlQura = new();
    private static readonly HijriCalendar Tabular = new() { HijriAdjustment = 0 };
    private static readonly PersianCalendar Solar = new();

    public static CalendarDate? Convert(DateOnly day, CalendarKind kind, HijriAdjustment? adjustment = null)
    {
        if (!kind.IsHijri())
            return Plain(day, kind);
        adjustment ??= HijriAdjustment.None;
        var shifted = Plain(day.AddDaysSafe(adjustment.ShiftDays), kind);
        if (shifted is not { } computed || adjustment.MonthStarts.Count == 0)
            return shifted is { } s ? s with { DayOfWeek = day.DayOfWeek } : null;
        return WithRecordedStarts(day, computed, kind, adjustment);
    }

    /// <summary>
    /// Like <see cref="Convert"/>, but Umm al-Qura, which covers only 1318-1500 AH, hands days outside
    /// its range to the tabular Hijri calendar, which agrees with it to a day or so: a Hijri date always shows.
    /// </summary>
    public static CalendarDate? ConvertOrNearest(DateOnly day, CalendarKind kind, HijriAdjustment? adjustment = null) =>
        Convert(day, kind, adjustment)
        ?? (kind == CalendarKind.UmmAlQura ? Convert(day, CalendarKind.HijriTabular, adjustment) : null);

    /// <summary>The Gregorian day on which a month of a calendar begins (with the office's adjustment), or null out of range.</summary>
    public static DateOnly? FirstDayOf(int year, int month, CalendarKind kind, HijriAdjustment? adjustment = null)
    {
        adjustment ??= HijriAdjustment.None;
        if (kind.IsHijri() && adjustment.StartOf(year, month) is { } recorded)
            return recorded;
        var calendar = CalendarOf(kind);
        if (year < calendar.GetYear(calendar.MinSupportedDateTime) || year > calendar.GetYear(calendar.MaxSupportedDateTime)
            || month < 1 || month > 12)
            return null;
        try
        {
            var start = DateOnly.FromDateTime(calendar.ToDateTime(year, month, 1, 0, 0, 0, 0));
            return kind.IsHijri() ? start.AddDaysSafe(-adjustment.ShiftDays) : start;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static Calendar CalendarOf(CalendarKind kind) => kind switch
    {
        CalendarKind.UmmAlQura => UmmAlQura,
        CalendarKind.HijriTabular => Tabular,
        CalendarKind.SolarHijri => Solar,
        _ => Gregorian,
    };

    private static CalendarDate? Plain(DateOnly? day, CalendarKind kind)
    {
        if (day is not { } d)
            return null;
        var calendar = CalendarOf(kind);
        var time = d.ToDateTime(new TimeOnly(12, 0));
        if (time < calendar.MinSupportedDateTime || time > calendar.MaxSupportedDateTime)
            return null;
        return new CalendarDate(kind, calendar.GetYear(time), calendar.GetMonth(time), calendar.GetDayOfMonth(time), d.DayOfWeek);
    }

    /// <summary>
    /// The month a day falls in is the latest of the neighbouring months (previous, computed, next)
    /// that has begun by then, each beginning on its recorded day or else its computed one.
    /// </summary>
    private static CalendarDate? WithRecordedStarts(DateOnly day, CalendarDate computed, CalendarKind kind, HijriAdjustment adjustment)
    {
        (int Year, int Month, DateOnly Start)? best = null;
        foreach (var offset in new[] { -1, 0, 1 })
        {
            var (year, month) = AddMonths(computed.Year, computed.Month, offset);
            if (FirstDayOf(year, month, kind, adjustment) is { } start && start <= day && (best is null || start > best.Value.Start))
                best = (year, month, start);
        }
        if (best is not { } found)
            return computed;
        var dayOfMonth = day.DayNumber - found.Start.DayNumber + 1;
        // A lunar month has 29 or 30 days; anything else means the records contradict each other.
        return dayOfMonth is >= 1 and <= 30
            ? new CalendarDate(kind, found.Year, found.Month, dayOfMonth, day.DayOfWeek)
            : computed with { DayOfWeek = day.DayOfWeek };
    }

    private static (int Year, int Month) AddMonths(int year, int month, int offset)
    {
        var index = year * 12 + (month - 1) + offset;
        return (index / 12, index % 12 + 1);
    }

    private static DateOnly? AddDaysSafe(this DateOnly day, int days)
    {
        try
        {
            return day.AddDays(days);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateOnly? AddDaysSafe(this DateOnly? day, int days) => day is { } d ? d.AddDaysSafe(days) : null;
}
