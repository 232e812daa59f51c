namespace Bayan.Calendars;

/// <summary>A day in one calendar.</summary>
public readonly record struct CalendarDate(CalendarKind Calendar, int Year, int Month, int Day, DayOfWeek DayOfWeek);
