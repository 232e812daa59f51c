namespace Bayan.Calendars;

/// <summary>The calendars a site can show its dates in.</summary>
public enum CalendarKind
{
    Gregorian,

    /// <summary>Saudi Arabia's Umm al-Qura calendar, the default Hijri (1318-1500 AH).</summary>
    UmmAlQura,

    /// <summary>The arithmetic (tabular) Hijri calendar.</summary>
    HijriTabular,

    /// <summary>The Solar Hijri calendar of Iran and Afghanistan.</summary>
    SolarHijri,
}

public static class CalendarKinds
{
    /// <summary>The names settings use: "gregorian", "hijri" (Umm al-Qura), "hijri-tabular", "solar-hijri".</summary>
    public static readonly IReadOnlyDictionary<string, CalendarKind> ByName = new Dictionary<string, CalendarKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["gregorian"] = CalendarKind.Gregorian,
        ["hijri"] = CalendarKind.UmmAlQura,
        ["hijri-umm-al-qura"] = CalendarKind.UmmAlQura,
        ["hijri-tabular"] = CalendarKind.HijriTabular,
        ["solar-hijri"] = CalendarKind.SolarHijri,
    };

    public static string NameOf(CalendarKind kind) => kind switch
    {
        CalendarKind.Gregorian => "gregorian",
        CalendarKind.UmmAlQura => "hijri",
        CalendarKind.HijriTabular => "hijri-tabular",
        _ => "solar-hijri",
    };

    public static bool IsHijri(this CalendarKind kind) => kind is CalendarKind.UmmAlQura or CalendarKind.HijriTabular;
}
