namespace Bayan.Importing.WordPress;

/// <summary>
/// What a WordPress item says of its language and its translations. Polylang files each item under a
/// term of the `language` taxonomy and groups translations under a `post_translations` term; WPML's
/// export writes the language and the translation group as post meta.
/// </summary>
public static class WxrTranslations
{
    private static readonly string[] WpmlLanguageKeys = ["_wpml_import_language_code", "_wpml_language", "wpml_language"];
    private static readonly string[] WpmlGroupKeys = ["_wpml_import_translation_group", "_wpml_trid", "wpml_trid"];

    /// <summary>The language the item's data names (Polylang first, then WPML), as a bare code: "en_US" gives "en".</summary>
    public static string? DeclaredLanguage(WxrItem item)
    {
        var code = item.TermsOf("language").FirstOrDefault()?.Slug
            ?? WpmlLanguageKeys.Select(item.MetaValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var bare = code.Trim().ToLowerInvariant();
        var cut = bare.IndexOfAny(['-', '_']);
        return cut > 0 ? bare[..cut] : bare;
    }

    /// <summary>The key shared by the items that are translations of one another; null for an item on its own.</summary>
    public static string? Group(WxrItem item)
    {
        if (item.TermsOf("post_translations").FirstOrDefault()?.Slug is { Length: > 0 } polylang)
            return "pll:" + polylang;
        return WpmlGroupKeys.Select(item.MetaValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } wpml
            ? "wpml:" + wpml.Trim()
            : null;
    }

    /// <summary>The given language, else what the item's data declares, else the script of its text, else the fallback.</summary>
    public static string LanguageOf(WxrItem item, string? given, string fallback) =>
        given ?? DeclaredLanguage(item) ?? ScriptLanguage.Detect(item.Title + " " + item.Content) ?? fallback;
}
