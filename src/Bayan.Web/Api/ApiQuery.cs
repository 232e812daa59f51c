using System.Globalization;
using System.Text.RegularExpressions;
using Bayan.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bayan.Web.Api;

/// <summary>
/// Reads an endpoint's query parameters and turns anything it cannot use into a 400 problem that names
/// the parameter: an unknown one (a typo would otherwise be silently ignored), one given twice, a number
/// or date that is not one. Endpoints ask for each value in turn and stop at the first problem.
/// </summary>
public sealed partial class ApiQuery(HttpContext http)
{
    public ProblemHttpResult? Problem { get; private set; }

    /// <summary>Refuses any parameter but these.</summary>
    public ApiQuery Only(params string[] known)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            if (Problem is not null)
                break;
            // Names are read without regard to case, as ASP.NET Core binds them and the page cache keys them.
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                Fail(name, new Problem("api_unknown_parameter", name));
            else if (values.Count > 1)
                Fail(name, new Problem("api_repeated_parameter", name));
        }
        return this;
    }

    /// <summary>The parameter's text, null when absent (or empty, as a form leaves it).</summary>
    public string? Text(string name)
    {
        var value = http.Request.Query[name];
        return value.Count == 1 && !string.IsNullOrEmpty(value[0]) ? value[0] : null;
    }

    public int? Number(string name, int least, int most)
    {
        if (Problem is not null || Text(name) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least && number <= most)
            return number;
        Fail(name, new Problem("api_bad_number", name, least, most));
        return null;
    }

    /// <summary>
    /// An instant: ISO 8601 with its offset (2024-11-21T10:00:00+03:00, or Z), or a day alone
    /// (2024-11-21), which begins at midnight in <paramref name="zone"/>, as on the site's search page.
    /// </summary>
    public DateTime? Instant(string name, TimeZoneInfo zone)
    {
        if (Problem is not null || Text(name) is not { } text)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            // A zone whose clocks skip midnight on that day begins it an hour later.
            return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(midnight) ? midnight.AddHours(1) : midnight, zone);
        }
        if (WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant.UtcDateTime;
        Fail(name, new Problem("api_bad_date", name));
        return null;
    }

    /// <summary>Records a problem with the parameter <paramref name="name"/>, unless one was found already.</summary>
    public void Fail(string name, Problem problem) =>
        Problem ??= ApiProblems.BadParameter(http, name, problem);

    // A time of day must say its offset: without one the same text is a different instant in each zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
