using Bayan.Localization;

namespace Bayan.Web.Api;

/// <summary>
/// The language an API answer speaks to its client in (problem details): the first of the client's
/// Accept-Language that Bayan has messages in, else English. Content (titles, dates) comes in the
/// language a request names, never from this header, so that a kept answer is the same for everyone.
/// </summary>
public static class ApiLanguage
{
    public static string Of(HttpContext http)
    {
        var asked = http.Request.GetTypedHeaders().AcceptLanguage;
        if (asked.Count == 0)
            return Messages.Fallback;
        var translated = Messages.Translated.ToHashSet(StringComparer.Ordinal);
        return asked
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(code => code is not null && translated.Contains(code))
            ?? Messages.Fallback;
    }
}
