namespace Bayan.Calendars;

/// <summary>A month of a calendar as an interval of instants: from its first local midnight to the next month's.</summary>
public sealed record MonthRange(int Year, int Month, DateTime StartUtc, DateTime EndUtc)
{
    /// <summary>Null when the calendar has no such month (month 13, year 0, outside Umm al-Qura's range).</summary>
    public static MonthRange? Of(int year, int month, CalendarKind calendar, TimeZoneInfo zone, HijriAdjustment? adjustment = null)
    {
        if (month is < 1 or > 12 || year < 1)
            return null;
        var (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1);
        if (CalendarConverter.FirstDayOf(year, month, calendar, adjustment) is not { } first
            || CalendarConverter.FirstDayOf(nextYear, nextMonth, calendar, adjustment) is not { } next)
            return null;
        return new MonthRange(year, month, MidnightUtc(first, zone), MidnightUtc(next, zone));
    }

    /// <summary>The month of a calendar an instant falls in, as the zone sees it.</summary>
    public static (int Year, int Month)? Containing(DateTime utc, CalendarKind calendar, TimeZoneInfo zone, HijriAdjustment? adjustment = null)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
        return CalendarConverter.Convert(day, calendar, adjustment) is { } date ? (date.Year, date.Month) : null;
    }

    private static DateTime MidnightUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips midnight, the day begins at the first hour that exists.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
