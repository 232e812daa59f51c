namespace Bayan.Calendars;

/// <summary>
/// How an office that follows local moon sighting departs from the computed Hijri calendar: a whole
/// shift of -2..+2 days, and the months whose first day it recorded itself.
/// </summary>
public sealed record HijriAdjustment(int ShiftDays, IReadOnlyList<RecordedMonthStart> MonthStarts)
{
    public const int MaxShift = 2;

    public static readonly HijriAdjustment None = new(0, []);

    public DateOnly? StartOf(int year, int month) =>
        MonthStarts.FirstOrDefault(m => m.Year == year && m.Month == month)?.StartsOn;
}

/// <summary>"Ramadan 1445 began on 2024-03-11" for one office.</summary>
public sealed record RecordedMonthStart(int Year, int Month, DateOnly StartsOn);
