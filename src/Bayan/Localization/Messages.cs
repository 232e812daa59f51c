using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Bayan.Localization;

/// <summary>
/// The interface text of the public site and the back office: JSON catalogues embedded in the
/// assembly, "en.json" and, per feature, "users.en.json" and the like; a language's files are merged.
/// A key missing in a language falls back to English.
/// </summary>
public static class Messages
{
    public const string Fallback = "en";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Catalogues = Load();

    /// <summary>Languages with a catalogue of their own.</summary>
    public static IEnumerable<string> Translated => Catalogues.Keys;

    /// <summary>All keys, each in the given language or else in English.</summary>
    public static IReadOnlyDictionary<string, string> For(string language) =>
        Catalogues.TryGetValue(language, out var texts) ? texts : Catalogues[Fallback];

    public static string Get(string language, string key) =>
        For(language).TryGetValue(key, out var text) ? text : key;

    /// <summary>A text with {0}, {1} placeholders filled in.</summary>
    public static string Format(string language, string key, params object[] args) =>
        string.Format(Get(language, key), args);

    internal static IReadOnlyDictionary<string, string> Raw(string language) => ReadCatalogue(language);

    private const string Prefix = "Bayan.Localization.";

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var english = ReadCatalogue(Fallback);
        var all = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in AvailableCatalogues())
        {
            var own = ReadCatalogue(language);
            var merged = new Dictionary<string, string>(english);
            foreach (var (key, text) in own)
                merged[key] = text;
            all[language] = merged.ToFrozenDictionary(StringComparer.Ordinal);
        }
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Files() =>
        typeof(Messages).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length]);

    /// <summary>"users.ar" and "ar" are both Arabic.</summary>
    private static string LanguageOf(string file) => file[(file.LastIndexOf('.') + 1)..];

    private static IEnumerable<string> AvailableCatalogues() => Files().Select(LanguageOf).Distinct();

    private static Dictionary<string, string> ReadCatalogue(string language)
    {
        var texts = new Dictionary<string, string>();
        foreach (var file in Files().Where(f => LanguageOf(f) == language).Order(StringComparer.Ordinal))
        {
            using var stream = typeof(Messages).Assembly.GetManifestResourceStream(Prefix + file + ".json")!;
            var part = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The message catalogue '{file}' is empty.");
            foreach (var (key, text) in part)
            {
                if (!texts.TryAdd(key, text))
                    throw new InvalidOperationException($"The key '{key}' stands in two catalogues of '{language}'.");
            }
        }
        return texts.Count > 0 ? texts : throw new InvalidOperationException($"No message catalogue for '{language}'.");
    }
}
