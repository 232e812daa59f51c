using Bayan.Dates;
using Bayan.Localization;
using Bayan.Sites;

namespace Bayan.Numbering;

/// <summary>
/// A reference number as a page shows it: in the digits the site chose for numbers, always read left to
/// right as the office wrote it ("W-1448-021", never "W-021-1448"), whatever the page's direction.
/// </summary>
public static class ReferenceNumberText
{
    private const char LeftToRightMark = '\u200E';

    /// <summary>
    /// The number in the site's digits, for an element that is left to right itself (&lt;bdi dir="ltr"&gt;).
    /// Arabic-Indic digits count as right to left in the Unicode bidirectional algorithm, so a "-" between
    /// two groups of them would flip the groups around it; a left-to-right mark after each such sign holds
    /// the groups in order. Western and Extended Arabic-Indic digits need none.
    /// </summary>
    public static string Shown(string number, string language, Site site)
    {
        if (!site.NumbersInLanguageDigits)
            return number;
        var digits = Digits.ForLanguage(number, language, site.ExtendedDigits);
        if (digits == number || !digits.Any(IsArabicIndicDigit))
            return digits;
        var marked = new System.Text.StringBuilder(digits.Length + 4);
        foreach (var c in digits)
        {
            marked.Append(c);
            if (!char.IsLetterOrDigit(c))
                marked.Append(LeftToRightMark);
        }
        return marked.ToString();
    }

    /// <summary>The number for plain text (feeds, messages, subjects): <see cref="Shown"/> inside a left-to-right isolate.</summary>
    public static string PlainText(string number, string language, Site site) => Bidi.LeftToRight(Shown(number, language, site));

    private static bool IsArabicIndicDigit(char c) => c is >= '\u0660' and <= '\u0669';
}
