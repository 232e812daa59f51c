using System.Text.RegularExpressions;
using Bayan.Importing;

namespace Bayan.Redirects;

/// <summary>One way to find what an old address became, in the order they are tried.</summary>
public abstract record OldLookup(string? Language)
{
    /// <summary>An imported item by its source's id: "/?p=12", ".../item/12-alias", "/category/health/".</summary>
    public sealed record ById(string Source, string[] Kinds, string SourceId, string? Language) : OldLookup(Language);

    /// <summary>An imported item by the path of its old address: a WordPress permalink.</summary>
    public sealed record ByPath(string Key, string? Language) : OldLookup(Language);

    /// <summary>The site's feed, in the language of the prefix if any: "/feed/".</summary>
    public sealed record Feed(bool Atom, string? Language) : OldLookup(Language);
}

/// <summary>
/// The shapes of old WordPress and Joomla/K2 addresses, read from a path key (<see cref="OldPaths.Key"/>) and the
/// query: what to look up for each, nothing read from the database.
/// </summary>
public static partial class OldShapes
{
    public const string WordPress = "wordpress";
    public const string K2 = "k2";

    private static readonly string[] Posts = [ImportKinds.Post, ImportKinds.Page];

    /// <summary>A K2 category became a category, or an office (<c>--offices-from-categories</c>).</summary>
    private static readonly string[] K2Categories = [ImportKinds.Category, Importing.K2.K2Run.OfficeKind];

    public static IReadOnlyList<OldLookup> Of(string key, IReadOnlyDictionary<string, string> query)
    {
        var lookups = new List<OldLookup>();
        var segments = key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // A multilingual Joomla (or Polylang) site puts the language first: "/ar/news/item/12-alias".
        string? language = query.GetValueOrDefault("lang") is { } asked && IsLanguage(asked) ? asked[..2] : null;
        var rest = segments;
        if (rest.Length > 0 && IsLanguage(rest[0]))
        {
            language = rest[0][..2];
            rest = rest[1..];
        }
        if (key.Length > 0)
            lookups.Add(new OldLookup.ByPath(key, language));
        if (rest.Length < segments.Length && rest.Length > 0)
            lookups.Add(new OldLookup.ByPath("/" + string.Join('/', rest), language));

        if (rest is [] or ["index.php"])
            AddQueryShapes(lookups, query, language);
        else
            AddPathShapes(lookups, rest, language);
        return lookups;
    }

    /// <summary>Whether a request's query has one of the old shapes, so it is looked up before "/" answers it.</summary>
    public static bool IsOldQuery(Func<string, bool> has) =>
        has("p") || has("page_id") || has("option") || has("feed");

    private static void AddQueryShapes(List<OldLookup> lookups, IReadOnlyDictionary<string, string> query, string? language)
    {
        if (Digits(query.GetValueOrDefault("page_id")) is { } page)
            lookups.Add(new OldLookup.ById(WordPress, [ImportKinds.Page], page, language));
        if (Digits(query.GetValueOrDefault("p")) is { } post)
            lookups.Add(new OldLookup.ById(WordPress, Posts, post, language));
        if (query.GetValueOrDefault("feed") is { Length: > 0 } feed)
            lookups.Add(new OldLookup.Feed(feed.Contains("atom", StringComparison.OrdinalIgnoreCase), language));
        if (string.Equals(query.GetValueOrDefault("option"), "com_k2", StringComparison.OrdinalIgnoreCase)
            && LeadingDigits(query.GetValueOrDefault("id")) is { } id)
        {
            var view = query.GetValueOrDefault("view")?.ToLowerInvariant();
            if (view == "item")
                lookups.Add(new OldLookup.ById(K2, [ImportKinds.Post], id, language));
            else if (view == "itemlist")
                lookups.Add(new OldLookup.ById(K2, K2Categories, id, language));
        }
    }

    private static void AddPathShapes(List<OldLookup> lookups, string[] rest, string? language)
    {
        // K2's addresses: "/component/k2/item/12-alias", any menu's "/news/item/12-alias", ".../itemlist/category/4-alias".
        for (var i = 0; i + 1 < rest.Length; i++)
        {
            if (rest[i] == "item" && i + 2 == rest.Length && LeadingDigits(rest[i + 1]) is { } item)
                lookups.Add(new OldLookup.ById(K2, [ImportKinds.Post], item, language));
            if (rest[i] == "itemlist" && i + 2 < rest.Length && rest[i + 1] == "category" && LeadingDigits(rest[i + 2]) is { } category)
                lookups.Add(new OldLookup.ById(K2, K2Categories, category, language));
        }
        // WordPress: "/category/parent/child/" names the child; "/tag/y/"; "/feed/", "/feed/atom/".
        var wanted = rest[^1] == "feed" || (rest.Length > 1 && rest[^2] == "feed") ? null : rest[^1];
        if (rest[0] == "category" && rest.Length >= 2 && wanted is not null)
            lookups.Add(new OldLookup.ById(WordPress, [ImportKinds.Category], wanted, language));
        if (rest is ["tag", var tag])
            lookups.Add(new OldLookup.ById(WordPress, [ImportKinds.Tag], tag, language));
        if (rest is ["feed"] or ["feed", _])
            lookups.Add(new OldLookup.Feed(rest is [_, "atom"], language));
    }

    /// <summary>"ar", "en", "ar-aa", "en-gb": a language's prefix.</summary>
    private static bool IsLanguage(string segment) => LanguagePrefix().IsMatch(segment);

    private static string? Digits(string? value) => value is { Length: > 0 and <= 18 } && value.All(char.IsAsciiDigit) ? value.TrimStart('0') is { Length: > 0 } d ? d : "0" : null;

    /// <summary>"12-alias", "12:alias", "12.html" give "12".</summary>
    private static string? LeadingDigits(string? value)
    {
        if (value is null)
            return null;
        var length = 0;
        while (length < value.Length && char.IsAsciiDigit(value[length]))
            length++;
        return Digits(value[..length]);
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]{2,4})?$")]
    private static partial Regex LanguagePrefix();
}
