using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

/// <summary>The settings of the back office's settings page; what every reader may see of them is GET /api/v1/site.</summary>
/// <param name="Languages">The site's languages in its order.</param>
/// <param name="Names">The site's name per language.</param>
/// <param name="PageSize">Releases per listing page (5..100).</param>
/// <param name="PublishCommentsAtOnce">Readers' comments appear without moderation.</param>
/// <param name="CommentsOpenDays">Days after publication a release takes comments (0..3650).</param>
/// <param name="TimeZone">The IANA zone of the site's clock.</param>
/// <param name="HeaderDates">Calendars and styles of the page header's date, e.g. "hijri:long gregorian:short".</param>
/// <param name="DatelineDates">The same for a release's date.</param>
/// <param name="ListingDates">The same for dates in listings.</param>
/// <param name="ExtendedDigits">Persian and Urdu pages write ۰۱۲ digits.</param>
/// <param name="NumbersInLanguageDigits">Reference numbers in the page language's digits rather than Western ones.</param>
/// <param name="ClockNames">The name of the site's clock per language, e.g. "Makkah time".</param>
public sealed record SettingsDto(
    IReadOnlyList<string> Languages, string DefaultLanguage, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Taglines,
    int PageSize, bool PublishCommentsAtOnce, int CommentsOpenDays,
    string TimeZone, string HeaderDates, string DatelineDates, string ListingDates, bool ExtendedDigits, bool NumbersInLanguageDigits,
    IReadOnlyDictionary<string, string> ClockNames);

/// <summary>
/// The site's languages, names and listings; what is left out (null) stays as it is. A language taken
/// away keeps its content, hidden until it is enabled again; a language added needs its name.
/// </summary>
public sealed record SiteSettingsBody(
    IReadOnlyList<string>? Languages, string? DefaultLanguage, IReadOnlyDictionary<string, string>? Names, IReadOnlyDictionary<string, string>? Taglines,
    int? PageSize, bool? PublishCommentsAtOnce, int? CommentsOpenDays);

/// <summary>How the site dates things; what is left out (null) stays as it is, and clock names are changed for the languages given.</summary>
public sealed record SiteDatesBody(
    string? TimeZone, string? HeaderDates, string? DatelineDates, string? ListingDates, bool? ExtendedDigits, bool? NumbersInLanguageDigits,
    IReadOnlyDictionary<string, string>? ClockNames);

/// <summary>
/// The site's settings through the API: the back office's settings page and its two forms (UpdateSiteSettings,
/// UpdateSiteDates), for administrators' tokens with the admin scope.
/// </summary>
/// <remarks>
/// No ETag and If-Match here, unlike releases: the settings page keeps no revision of the settings and
/// takes the last save, and each PUT names only what it changes (null keeps the rest), so two scripts
/// changing different settings do not undo each other. A revision of the site would be a change of the
/// model and of the page for a handful of values that administrators rarely change.
/// </remarks>
internal static class SettingsWrites
{
    public static void MapSettingsWrites(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", GetAsync).WithTags("Settings").RequireScope(TokenScope.Admin)
            .WithSummary("Every setting of the back office's settings page: languages, names, listings, comments, zone, calendars, digits and clock names.");
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapPut("/site", SiteAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change the site's languages, default language, names, taglines, page size and comment rules; every page shows the change at once.");
        settings.MapPut("/dates", DatesAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change the site's time zone, the calendars and styles of its dates, its digits and the names of its clock.");
    }

    private static async Task<Results<Ok<SettingsDto>, ProblemHttpResult>> GetAsync(HttpContext http, SiteQueries sites, CancellationToken ct) =>
        // As the back office's settings page: administrators only.
        http.Caller().Actor.CanManageSite ? TypedResults.Ok(await DtoAsync(sites, ct)) : WriteResults.Refusal(http, new Outcome.Forbidden());

    private static async Task<Results<Ok<SettingsDto>, ProblemHttpResult>> SiteAsync(
        [FromBody] SiteSettingsBody body, HttpContext http, UpdateSiteSettings update, SiteQueries sites, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        if (!actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        var now = await DtoAsync(sites, ct);
        var outcome = await update.RunAsync(actor, new SiteSettingsForm(
            body.Languages ?? now.Languages, body.DefaultLanguage ?? now.DefaultLanguage, body.Names ?? now.Names, body.Taglines ?? now.Taglines,
            body.PageSize ?? now.PageSize, body.PublishCommentsAtOnce ?? now.PublishCommentsAtOnce, body.CommentsOpenDays ?? now.CommentsOpenDays), ct);
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, BodyFields.Renamed(outcome, field =>
                BodyFields.PerLanguage(field, "name_", "names") ?? BodyFields.PerLanguage(field, "tagline_", "taglines")));
        return TypedResults.Ok(await DtoAsync(sites, ct));
    }

    private static async Task<Results<Ok<SettingsDto>, ProblemHttpResult>> DatesAsync(
        [FromBody] SiteDatesBody body, HttpContext http, UpdateSiteDates update, SiteQueries sites, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        // The page checks the role before this operation, which the command line also runs for the installation itself.
        if (!actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        var outcome = await update.RunAsync(new SiteDatesChange(
            body.HeaderDates, body.DatelineDates, body.ListingDates, body.ExtendedDigits, body.TimeZone,
            body.ClockNames?.ToDictionary(c => c.Key, c => c.Value ?? ""), body.NumbersInLanguageDigits), actor.Name, ct);
        if (outcome.Errors.Count > 0)
            return WriteResults.Refusal(http, BodyFields.Renamed(new Outcome.Invalid(outcome.Fields ?? new Dictionary<string, Problem>()),
                field => BodyFields.PerLanguage(field, "clock_name_", "clockNames")));
        return TypedResults.Ok(await DtoAsync(sites, ct));
    }

    private static async Task<SettingsDto> DtoAsync(SiteQueries sites, CancellationToken ct)
    {
        var site = await sites.SiteAsync(ct);
        var languages = await sites.LanguagesAsync(ct);
        return new SettingsDto(
            [.. languages.Select(l => l.Code)], site.DefaultLanguage,
            languages.ToDictionary(l => l.Code, l => l.SiteName), languages.ToDictionary(l => l.Code, l => l.Tagline),
            site.PageSize, site.PublishCommentsAtOnce, site.CommentsOpenDays,
            site.TimeZone, site.HeaderDates, site.DatelineDates, site.ListingDates, site.ExtendedDigits, site.NumbersInLanguageDigits,
            languages.ToDictionary(l => l.Code, l => l.ClockName));
    }
}
