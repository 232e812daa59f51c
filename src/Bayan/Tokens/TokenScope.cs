namespace Bayan.Tokens;

/// <summary>
/// What a token may be used for. Every scope includes <see cref="Read"/>; <see cref="Admin"/> includes
/// every other one. A scope never gives more than the person's role: a token of a writer with
/// <see cref="Publish"/> still cannot publish.
/// </summary>
public enum TokenScope
{
    /// <summary>Read what the person may see in the back office (drafts of their offices, say).</summary>
    Read,

    /// <summary>Write releases and translations, submit them for review, upload and describe media.</summary>
    Write,

    /// <summary>Schedule, publish, correct and retract releases, and make edits of published ones go out at once.</summary>
    Publish,

    /// <summary>Moderate readers' comments.</summary>
    Moderate,

    /// <summary>Everything the person may do, including managing categories, tags, pages and menus.</summary>
    Admin,
}

public static class TokenScopes
{
    /// <summary>"write" to <see cref="TokenScope.Write"/>; null for anything else.</summary>
    public static TokenScope? Parse(string? name) =>
        Enum.GetValues<TokenScope>().Select(s => (TokenScope?)s).FirstOrDefault(s => Name(s!.Value) == name?.Trim().ToLowerInvariant());

    public static string Name(TokenScope scope) => scope.ToString().ToLowerInvariant();

    /// <summary>The stored form: distinct names in declaration order, space separated.</summary>
    public static string Join(IEnumerable<TokenScope> scopes) => string.Join(' ', scopes.Distinct().Order().Select(Name));

    public static IReadOnlySet<TokenScope> Split(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).OfType<TokenScope>().ToHashSet();

    /// <summary>Whether a token holding <paramref name="held"/> may act where <paramref name="needed"/> is asked.</summary>
    public static bool Allows(this IReadOnlySet<TokenScope> held, TokenScope needed) =>
        needed == TokenScope.Read || held.Contains(needed) || held.Contains(TokenScope.Admin);
}
