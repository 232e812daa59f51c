using Bayan.Calendars;

namespace Bayan.Dates;

/// <summary>Which calendars a date line shows, in which styles, and how.</summary>
public sealed record DateOptions(
    IReadOnlyList<CalendarDisplay> Calendars,
    HijriAdjustment Hijri,
    bool ExtendedDigits = false,
    string Separator = " · ",
    bool Marked = false);
