namespace Bayan.Localization;

/// <summary>
/// Keeps left-to-right pieces (reference numbers, addresses, Latin names) in their own order inside
/// right-to-left text and the other way round, where HTML's &lt;bdi&gt; and dir cannot reach: plain
/// text, feeds' text, messages that quote a value.
/// </summary>
public static class Bidi
{
    private const char LeftToRightIsolate = '\u2066';
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>Left-to-right text that paints in its own order in any paragraph, and leaves the paragraph's order alone.</summary>
    public static string LeftToRight(string text) => $"{LeftToRightIsolate}{text}{PopDirectionalIsolate}";

    /// <summary>Text of unknown direction (a name, a title) isolated, taking its direction from its first strong letter.</summary>
    public static string Isolated(string text) => $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";

    /// <summary>"rtl" or "ltr" from the first letter that has a direction, as dir="auto" does; null when there is none.</summary>
    public static string? DirectionOf(string? text)
    {
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (System.Text.Rune.IsLetter(rune))
                return IsRightToLeft(rune.Value) ? "rtl" : "ltr";
        }
        return null;
    }

    // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements and presentation forms.
    private static bool IsRightToLeft(int c) =>
        c is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);
}
