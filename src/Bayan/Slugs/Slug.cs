using System.Globalization;
using System.Text;
using Bayan.Data;

namespace Bayan.Slugs;

/// <summary>URL slugs in any script: letters and digits of every language, joined by hyphens.</summary>
public static class Slug
{
    private const int GeneratedLength = 80;

    /// <summary>"Ministry opens 3 clinics!" gives "ministry-opens-3-clinics"; Arabic keeps its letters.</summary>
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (IsSlugLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                    slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (!IsDroppedMark(c))
            {
                pendingHyphen = true;
            }
            if (slug.Length >= GeneratedLength)
                break;
        }
        var result = slug.ToString();
        return (result.Length > GeneratedLength ? result[..GeneratedLength] : result).TrimEnd('-');
    }

    /// <summary>Whether a slug from a URL could be one Bayan made: not empty, not over-long, no stray characters.</summary>
    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug)
        && slug.Length <= Limits.Slug
        && slug[0] != '-' && slug[^1] != '-'
        && slug.All(c => IsSlugLetterOrDigit(c) || c == '-' || IsDroppedMark(c));

    private static bool IsSlugLetterOrDigit(char c) =>
        char.IsLetterOrDigit(c) && !IsDroppedMark(c);

    /// <summary>
    /// Diacritics (Arabic harakat and the like), the tatweel and apostrophe letters (Uzbek oʻ, gʻ)
    /// carry no meaning in a URL.
    /// </summary>
    private static bool IsDroppedMark(char c) =>
        c is 'ـ' or '\u02BB' or '\u02BC' or '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
