using Bayan.Localization;
using Bayan.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api;

/// <summary>
/// Every error of the API as RFC 9457 problem details (application/problem+json), in the language of
/// the client's Accept-Language: a title for the status, a detail saying what is wrong, "code" (the
/// message key, stable for programs) and, for a form of fields, "errors" (field to messages) with
/// "codes" (field to key). Endpoints return these; the error pages write them for unexpected failures
/// and bare statuses under /api, so no client ever gets an HTML page or a stack trace.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";
    public const string PathPrefix = "/api";

    /// <summary>Whether the request is the API's, so its errors are problem details rather than pages.</summary>
    public static bool Owns(HttpContext http) => http.Request.Path.StartsWithSegments(PathPrefix);

    /// <summary>A problem with the status's own title and the detail <paramref name="problem"/> says, in the client's language.</summary>
    public static ProblemHttpResult Of(HttpContext http, int status, Problem problem, IDictionary<string, object?>? extensions = null)
    {
        var lang = Speak(http);
        var details = new ProblemDetails
        {
            Status = status,
            Title = TitleOf(status, lang),
            Detail = problem.In(lang),
            Instance = http.Request.Path.Value,
        };
        details.Extensions["code"] = problem.Key;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
            details.Extensions[key] = value;
        return TypedResults.Problem(details);
    }

    /// <summary>A bare status (404 for an address the API does not have, 405, 500 ...), said in general words.</summary>
    public static ProblemHttpResult Of(HttpContext http, int status) =>
        Of(http, status, new Problem(Messages.For(Messages.Fallback).ContainsKey($"api_detail_{status}") ? $"api_detail_{status}" : "api_detail_other", status));

    /// <summary>400: a query parameter the endpoint cannot use; "parameter" names it.</summary>
    public static ProblemHttpResult BadParameter(HttpContext http, string parameter, Problem problem) =>
        Of(http, StatusCodes.Status400BadRequest, problem, new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>Fields that cannot be saved as sent (an operation's <see cref="Outcome.Invalid"/>), each with its message.</summary>
    public static ProblemHttpResult Invalid(HttpContext http, IReadOnlyDictionary<string, Problem> errors, int status = StatusCodes.Status422UnprocessableEntity)
    {
        var lang = Speak(http);
        var details = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => new[] { e.Value.In(lang) }))
        {
            Status = status,
            Title = TitleOf(status, lang),
            Detail = Messages.Get(lang, "api_detail_invalid"),
            Instance = http.Request.Path.Value,
        };
        details.Extensions["code"] = "api_detail_invalid";
        details.Extensions["codes"] = errors.ToDictionary(e => e.Key, e => e.Value.Key);
        return TypedResults.Problem(details);
    }

    /// <summary>
    /// The answer to an operation that did not succeed: 422 with its fields, 403, 404, or 409 for a
    /// conflict with someone else's save. A <see cref="Outcome.Done"/> is no problem: the caller answers it.
    /// </summary>
    public static ProblemHttpResult From(HttpContext http, Outcome outcome) => outcome switch
    {
        Outcome.Invalid invalid => Invalid(http, invalid.Errors),
        Outcome.Forbidden => Of(http, StatusCodes.Status403Forbidden),
        Outcome.NotFound => Of(http, StatusCodes.Status404NotFound),
        Outcome.Conflict or Outcome.DetailsConflict or Outcome.ScheduleConflict => Of(http, StatusCodes.Status409Conflict),
        _ => throw new ArgumentException($"{outcome.GetType().Name} is not a problem.", nameof(outcome)),
    };

    /// <summary>Writes a bare status as a problem, for the error handler and the status-code pages.</summary>
    public static async Task WriteAsync(HttpContext http, int status)
    {
        if (http.Response.HasStarted)
            return;
        http.Response.Clear();
        if (status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = ScaleOut.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Of(http, status).ExecuteAsync(http);
    }

    private static string Speak(HttpContext http)
    {
        var lang = ApiLanguage.Of(http);
        http.Response.Headers.ContentLanguage = lang;
        http.Response.Headers.Vary = "Accept-Language";
        // Problems are never kept: what went wrong is this client's own.
        http.Response.Headers.CacheControl = "no-store";
        return lang;
    }

    private static string TitleOf(int status, string lang) =>
        Messages.For(lang).TryGetValue($"api_title_{status}", out var title) ? title : Messages.Get(lang, "api_title_other");
}
