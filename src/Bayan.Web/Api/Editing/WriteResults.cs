using System.Globalization;
using Bayan.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Api.Editing;

/// <summary>The revision a change is based on, from If-Match: a number, or any revision (`*`).</summary>
internal sealed record BaseRevision(int? Revision);

/// <summary>How the write endpoints answer: ETags of revisions, and every refusal of an operation as problem details.</summary>
internal static class WriteResults
{
    /// <summary>A release's ETag: its revision, quoted ("7").</summary>
    public static string ETagOf(int revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The revision the client based its change on. No If-Match is 428 (a change without it could
    /// overwrite what its sender never saw); one that names no revision is 412.
    /// </summary>
    public static (BaseRevision? Base, ProblemHttpResult? Refusal) IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            return (null, ApiProblems.Of(http, StatusCodes.Status428PreconditionRequired));
        if (header == "*")
            return (new BaseRevision(null), null);
        var tags = EntityTagHeaderValue.TryParseList([header], out var parsed) && parsed is not null ? parsed : [];
        var revisions = tags.Where(t => !t.IsWeak)
            .Select(t => int.TryParse(t.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : (int?)null)
            .ToList();
        // Several tags name several acceptable revisions; one tag is the usual case and the only one an operation can check.
        if (revisions.Count != 1 || revisions[0] is not { } revision)
            return (null, ApiProblems.Of(http, StatusCodes.Status412PreconditionFailed, new Problem("api_write_if_match_invalid")));
        return (new BaseRevision(revision), null);
    }

    /// <summary>Every outcome but Done, as problem details; field errors under "errors" with the JSON names of the fields.</summary>
    public static ProblemHttpResult Refusal(HttpContext http, Outcome outcome) => outcome switch
    {
        Outcome.Invalid { Errors.Count: 1 } state when state.Errors.ContainsKey("status") =>
            ApiProblems.Of(http, StatusCodes.Status409Conflict, state.Errors["status"]),
        Outcome.Invalid invalid => ApiProblems.Invalid(http, invalid.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value)),
        Outcome.Forbidden => ApiProblems.Of(http, StatusCodes.Status403Forbidden, new Problem("api_auth_forbidden")),
        Outcome.NotFound => NotFound(http),
        Outcome.Stale stale => StaleProblem(http, stale.CurrentRevision),
        Outcome.Conflict or Outcome.DetailsConflict or Outcome.ScheduleConflict =>
            ApiProblems.Of(http, StatusCodes.Status412PreconditionFailed),
        _ => throw new InvalidOperationException($"{outcome.GetType().Name} is not a refusal."),
    };

    public static ProblemHttpResult NotFound(HttpContext http) =>
        ApiProblems.Of(http, StatusCodes.Status404NotFound);

    private static ProblemHttpResult StaleProblem(HttpContext http, int current)
    {
        http.Response.Headers.ETag = ETagOf(current);
        return ApiProblems.Of(http, StatusCodes.Status412PreconditionFailed, new Problem("api_write_stale", current));
    }

    /// <summary>The library names a few fields as its forms do; the API's bodies name them otherwise.</summary>
    private static string JsonName(string field) => field switch
    {
        "office" => "officeId",
        "categories" => "categoryIds",
        "media" => "attachments",
        "display_name" => "name",
        _ => field,
    };
}
