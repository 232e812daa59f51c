using Bayan.Calendars;

namespace Bayan.Dates;

/// <summary>Which calendars a date line shows, in which styles, and whether each carries its calendar's mark ("هـ", "M.").</summary>
public sealed record DateOptions(
    IReadOnlyList<CalendarDisplay> Calendars,
    HijriAdjustment Hijri,
    bool ExtendedDigits = false,
    bool Marked = false);
