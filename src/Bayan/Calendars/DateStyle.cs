namespace Bayan.Calendars;

/// <summary>How a date is written: "Thursday, 21 November 2024", "21 November 2024" or "2024/11/21".</summary>
public enum DateStyle
{
    Long,
    Medium,
    Short,
}

/// <summary>One calendar of a date line and its style, e.g. "hijri:long".</summary>
public sealed record CalendarDisplay(CalendarKind Calendar, DateStyle Style)
{
    /// <summary>Reads "hijri:long gregorian:short"; null when any part is not a calendar and style.</summary>
    public static IReadOnlyList<CalendarDisplay>? ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var list = new List<CalendarDisplay>();
        foreach (var part in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(':');
            if (!CalendarKinds.ByName.TryGetValue(pieces[0], out var calendar))
                return null;
            var style = DateStyle.Medium;
            if (pieces.Length > 2 || (pieces.Length == 2 && !Enum.TryParse(pieces[1], ignoreCase: true, out style)))
                return null;
            list.Add(new CalendarDisplay(calendar, style));
        }
        return list;
    }

    public static string Format(IEnumerable<CalendarDisplay> list) =>
        string.Join(' ', list.Select(d => $"{CalendarKinds.NameOf(d.Calendar)}:{d.Style.ToString().ToLowerInvariant()}"));
}
