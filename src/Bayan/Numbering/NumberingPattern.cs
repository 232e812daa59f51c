using System.Text;
using System.Text.RegularExpressions;
using Bayan.Calendars;

namespace Bayan.Numbering;

/// <summary>
/// An office's reference number pattern, e.g. "{hijri-year}/{seq:2}" giving "1445/03". Tokens:
/// {hijri-year}, {greg-year}, {solar-year}, {seq:N} (N digits at least) and {office}. The sequence
/// restarts with each year of the first calendar whose year the pattern shows.
/// </summary>
public sealed partial class NumberingPattern
{
    private readonly IReadOnlyList<Part> parts;

    private NumberingPattern(IReadOnlyList<Part> parts, CalendarKind? yearCalendar)
    {
        this.parts = parts;
        YearCalendar = yearCalendar;
    }

    /// <summary>The calendar whose new year restarts the sequence; null when the pattern shows no year.</summary>
    public CalendarKind? YearCalendar { get; }

    /// <summary>The pattern, or the reason it is not one.</summary>
    public static NumberingPattern? TryParse(string? text, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            error = "A numbering pattern needs 1 to 100 characters and a {seq:N} token.";
            return null;
        }
        var list = new List<Part>();
        CalendarKind? yearCalendar = null;
        var sequences = 0;
        var position = 0;
        foreach (Match token in Token().Matches(text))
        {
            if (token.Index > position)
                list.Add(new Part(PartKind.Literal, text[position..token.Index]));
            position = token.Index + token.Length;
            var name = token.Groups[1].Value;
            switch (name)
            {
                case "hijri-year":
                    list.Add(new Part(PartKind.Year, "", CalendarKind.UmmAlQura));
                    yearCalendar ??= CalendarKind.UmmAlQura;
                    break;
                case "greg-year":
                    list.Add(new Part(PartKind.Year, "", CalendarKind.Gregorian));
                    yearCalendar ??= CalendarKind.Gregorian;
                    break;
                case "solar-year":
                    list.Add(new Part(PartKind.Year, "", CalendarKind.SolarHijri));
                    yearCalendar ??= CalendarKind.SolarHijri;
                    break;
                case "office":
                    list.Add(new Part(PartKind.Office, ""));
                    break;
                default:
                    var seq = SequenceToken().Match(name);
                    if (!seq.Success)
                    {
                        error = $"Unknown token {{{name}}}: use {{hijri-year}}, {{greg-year}}, {{solar-year}}, {{seq:N}} or {{office}}.";
                        return null;
                    }
                    list.Add(new Part(PartKind.Sequence, "", Width: int.Parse(seq.Groups[1].Value)));
                    sequences++;
                    break;
            }
        }
        if (position < text.Length)
            list.Add(new Part(PartKind.Literal, text[position..]));
        if (list.Any(p => p.Kind == PartKind.Literal && (p.Text.Contains('{') || p.Text.Contains('}'))))
        {
            error = "A brace in the pattern does not belong to a token such as {seq:2}.";
            return null;
        }
        if (sequences != 1)
        {
            error = "A numbering pattern needs exactly one {seq:N} token (N from 1 to 9).";
            return null;
        }
        return new NumberingPattern(list, yearCalendar);
    }

    public static NumberingPattern Parse(string text) =>
        TryParse(text, out var error) ?? throw new FormatException(error);

    /// <summary>Which sequence a number belongs to: "hijri:1445", "gregorian:2024", or "all".</summary>
    public string ScopeFor(Func<CalendarKind, int?> yearIn) =>
        YearCalendar is { } calendar ? $"{CalendarKinds.NameOf(calendar)}:{yearIn(calendar)}" : "all";

    public string Format(int sequence, string officeCode, Func<CalendarKind, int?> yearIn)
    {
        var result = new StringBuilder();
        foreach (var part in parts)
        {
            result.Append(part.Kind switch
            {
                PartKind.Literal => part.Text,
                PartKind.Office => officeCode,
                PartKind.Year => yearIn(part.Calendar)?.ToString() ?? "?",
                _ => sequence.ToString().PadLeft(part.Width, '0'),
            });
        }
        return result.ToString();
    }

    private enum PartKind { Literal, Year, Sequence, Office }

    private sealed record Part(PartKind Kind, string Text, CalendarKind Calendar = CalendarKind.Gregorian, int Width = 1);

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^seq:([1-9])$")]
    private static partial Regex SequenceToken();
}
