using Bayan.Localization;
using Bayan.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// RFC 9457 problem details for the token-authenticated API, in the language the client's
/// Accept-Language asks for (else English): a title per status, the message of the problem as
/// detail, and field errors as "errors" (field name to messages), as ASP.NET's validation problems have them.
/// </summary>
internal static class TokenProblems
{
    public static ProblemHttpResult Of(HttpContext http, int status, Problem problem, IReadOnlyDictionary<string, Problem>? errors = null)
    {
        var language = LanguageOf(http.Request);
        var details = new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrase(status),
            Detail = problem.In(language),
            Instance = http.Request.Path,
        };
        if (errors is { Count: > 0 })
            details.Extensions["errors"] = errors.ToDictionary(e => e.Key, e => new[] { e.Value.In(language) });
        http.Response.Headers.ContentLanguage = language;
        return TypedResults.Problem(details);
    }

    /// <summary>The best language of the catalogues for the client: its Accept-Language by quality, else English.</summary>
    public static string LanguageOf(HttpRequest request)
    {
        foreach (var choice in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(a => a.Quality ?? 1))
        {
            var code = choice.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (code is not null && Messages.Translated.Contains(code))
                return code;
        }
        return Messages.Fallback;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
