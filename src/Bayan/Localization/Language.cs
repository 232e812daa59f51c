namespace Bayan.Localization;

/// <summary>A language Bayan knows how to name, lay out and date.</summary>
public sealed record Language(string Code, string NativeName, bool RightToLeft, string Culture)
{
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

public static class Languages
{
    private static readonly Dictionary<string, Language> Known = new Language[]
    {
        new("ar", "العربية", true, "ar"),
        new("en", "English", false, "en"),
        new("ur", "اردو", true, "ur"),
        new("tr", "Türkçe", false, "tr"),
        new("ru", "Русский", false, "ru"),
        new("uz", "Oʻzbekcha", false, "uz-Latn"),
        new("fa", "فارسی", true, "fa"),
        new("he", "עברית", true, "he"),
        new("fr", "Français", false, "fr"),
    }.ToDictionary(l => l.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<Language> All => Known.Values;

    /// <summary>Language codes in URLs are lowercase; anything else is not a language of Bayan.</summary>
    public static Language? Find(string? code) =>
        code is not null && Known.TryGetValue(code, out var language) ? language : null;

    public static Language Get(string code) =>
        Find(code) ?? throw new ArgumentException($"'{code}' is not a language Bayan knows.", nameof(code));
}
