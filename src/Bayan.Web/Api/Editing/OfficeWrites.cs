using Bayan.Calendars;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

/// <summary>An office as its administrators manage it; the public list is GET /api/v1/offices.</summary>
/// <param name="Names">The office's name per language.</param>
/// <param name="NumberingPattern">How its reference numbers are made, e.g. "{hijri-year}/{seq:2}".</param>
/// <param name="RequiresReview">Every release, and every edit of a published one, goes out only after an editor's review.</param>
/// <param name="FullNames">The formal name per language, for the signature block that ends its releases.</param>
/// <param name="Addresses">The postal address per language, lines separated by "\n".</param>
/// <param name="Editors">The names of the people who edit or write for the office.</param>
/// <param name="MonthStarts">Hijri months whose first day the office recorded (local moon sighting), newest first.</param>
public sealed record OfficeDto(
    int Id, string Code, IReadOnlyDictionary<string, string> Names, string DefaultLanguage, string TimeZone, int HijriAdjustment,
    string NumberingPattern, bool RequiresReview, IReadOnlyDictionary<string, string> FullNames, IReadOnlyDictionary<string, string> Addresses,
    string? Website, string? Telephone, string? Email, IReadOnlyList<string> SocialLinks, IReadOnlyList<string> Editors,
    IReadOnlyList<MonthStartDto> MonthStarts);

/// <summary>"Ramadan 1445 began on 2024-03-11 for this office": every day of that Hijri month follows it.</summary>
public sealed record MonthStartDto(int Year, int Month, DateOnly StartsOn, string RecordedBy);

/// <param name="StartsOn">The day the month began where the office is; within 2 days of the computed start.</param>
public sealed record MonthStartBody(DateOnly? StartsOn);

/// <summary>
/// An office to create or change. On a change, a value left out (null) stays as it is; an empty
/// contact value ("website": "") removes that line of the signature. Names, full names and
/// addresses are given for every language at once.
/// </summary>
/// <param name="Code">Its address on the site (/{lang}/{code}/): lower-case letters, digits and hyphens. It cannot change once a release of the office is published.</param>
/// <param name="TimeZone">An IANA zone, e.g. Asia/Riyadh; a new office takes the site's.</param>
/// <param name="HijriAdjustment">Days added to Hijri dates (-2..+2), for offices that follow local moon sighting.</param>
/// <param name="SocialLinks">Addresses of the office's social accounts, at most 10.</param>
public sealed record OfficeBody(
    string? Code, IReadOnlyDictionary<string, string>? Names, string? DefaultLanguage, string? TimeZone, int? HijriAdjustment,
    string? NumberingPattern, bool? RequiresReview, IReadOnlyDictionary<string, string>? FullNames, IReadOnlyDictionary<string, string>? Addresses,
    string? Website, string? Telephone, string? Email, IReadOnlyList<string>? SocialLinks);

/// <summary>The media offices through the API: the back office's office form (SaveOffice), for administrators' tokens with the admin scope.</summary>
internal static class OfficeWrites
{
    public static void MapOfficeWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/offices", CreateAsync).WithTags("Offices").RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Create an office: its code, names, zone, Hijri adjustment, numbering pattern, review rule and signature.");
        var offices = api.MapGroup("/offices").WithTags("Offices");
        offices.MapGet("/{id:int}/editor", GetAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An office as its administrators manage it, with its numbering pattern, review rule and editors.");
        offices.MapPut("/{id:int}", ChangeAsync).RequireScope(TokenScope.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change an office; what the body leaves out stays as it is. Its pages, feeds and search show the change at once.");
        offices.MapPut("/{id:int}/hijri-months/{year:int}/{month:int}", RecordMonthAsync)
            .RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record the day a Hijri month began for the office (local moon sighting); every date of that month follows it.");
        offices.MapDelete("/{id:int}/hijri-months/{year:int}/{month:int}", (int id, int year, int month, HttpContext http, RecordHijriMonthStart record, OfficeQueries queries, CancellationToken ct) =>
                MonthAsync(http, id, year, month, null, record, queries, ct))
            .RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Forget a recorded month start: the month follows the computed calendar again.");
    }

    private static async Task<Results<Ok<OfficeDto>, ProblemHttpResult>> GetAsync(int id, HttpContext http, OfficeQueries offices, CancellationToken ct)
    {
        // As the back office's office pages: administrators only.
        if (!http.Caller().Actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        return await DtoAsync(offices, id, ct) is { } office ? TypedResults.Ok(office) : WriteResults.NotFound(http);
    }

    private static async Task<Results<Created<OfficeDto>, ProblemHttpResult>> CreateAsync(
        [FromBody] OfficeBody body, HttpContext http, SaveOffice save, OfficeQueries offices, SiteQueries sites, CancellationToken ct)
    {
        // What the back office's empty form starts with.
        var site = await sites.SiteAsync(ct);
        var form = new OfficeForm(
            null, body.Code ?? "", body.Names ?? Empty, body.DefaultLanguage ?? site.DefaultLanguage, body.TimeZone ?? site.TimeZone,
            body.HijriAdjustment ?? 0, body.NumberingPattern ?? Office.DefaultNumberingPattern,
            new OfficeContact(body.FullNames, body.Addresses, body.Website, body.Telephone, body.Email, Lines(body.SocialLinks)),
            body.RequiresReview ?? false);
        var outcome = await save.RunAsync(http.Caller().Actor, form, ct);
        if (outcome is not Outcome.Done done)
            return WriteResults.Refusal(http, BodyFields.Renamed(outcome));
        return await DtoAsync(offices, done.ReleaseId, ct) is { } office
            ? TypedResults.Created($"/api/v1/offices/{office.Id}/editor", office)
            : WriteResults.NotFound(http);
    }

    private static async Task<Results<Ok<OfficeDto>, ProblemHttpResult>> ChangeAsync(
        int id, [FromBody] OfficeBody body, HttpContext http, SaveOffice save, OfficeQueries offices, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        if (!actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        if (await offices.WithIdAsync(id, ct) is not { } office)
            return WriteResults.NotFound(http);
        var contact = OfficeContact.Of(office);
        var form = new OfficeForm(
            id, body.Code ?? office.Code, body.Names ?? office.Names.ToDictionary(n => n.Language, n => n.Name),
            body.DefaultLanguage ?? office.DefaultLanguage, body.TimeZone ?? office.TimeZone, body.HijriAdjustment ?? office.HijriAdjustment,
            body.NumberingPattern ?? office.NumberingPattern,
            new OfficeContact(
                body.FullNames ?? contact.FullNames, body.Addresses ?? contact.Addresses, body.Website ?? contact.Website,
                body.Telephone ?? contact.Telephone, body.Email ?? contact.Email, body.SocialLinks is null ? contact.SocialLinks : Lines(body.SocialLinks)),
            body.RequiresReview ?? office.RequiresReview);
        var outcome = await save.RunAsync(actor, form, ct);
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, BodyFields.Renamed(outcome));
        return await DtoAsync(offices, id, ct) is { } saved ? TypedResults.Ok(saved) : WriteResults.NotFound(http);
    }

    private static Task<Results<Ok<OfficeDto>, ProblemHttpResult>> RecordMonthAsync(
        int id, int year, int month, [FromBody] MonthStartBody body, HttpContext http, RecordHijriMonthStart record, OfficeQueries offices, CancellationToken ct) =>
        body.StartsOn is { } day
            ? MonthAsync(http, id, year, month, day, record, offices, ct)
            // Forgetting is DELETE's: a PUT that forgot its day should not erase a recorded one.
            : Task.FromResult<Results<Ok<OfficeDto>, ProblemHttpResult>>(WriteResults.Refusal(http,
                new Outcome.Invalid(new Dictionary<string, Problem> { ["startsOn"] = new("office_month_starts_on_required") })));

    /// <summary>Records (a day) or forgets (none) a month start, as the back office's office page does; answered with the office.</summary>
    private static async Task<Results<Ok<OfficeDto>, ProblemHttpResult>> MonthAsync(
        HttpContext http, int id, int year, int month, DateOnly? startsOn, RecordHijriMonthStart record, OfficeQueries offices, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        if (!actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        if (await offices.WithIdAsync(id, ct) is not { } office)
            return WriteResults.NotFound(http);
        var outcome = await record.RunAsync(new MonthStartRequest(office.Code, year, month, startsOn, actor.Name), ct);
        if (!outcome.Changed)
        {
            if (outcome.Key == "hijri_month_no_office")
                return WriteResults.NotFound(http);
            // The message's first argument is the month, named in the language it is said in.
            var named = outcome.About is { } about ? $"{CalendarNames.Month(CalendarKind.UmmAlQura, about.Month, ApiLanguage.Of(http))} {about.Year}" : "";
            var field = outcome.Key switch
            {
                "hijri_month_invalid" => "month",
                "hijri_month_out_of_range" => "year",
                _ => "startsOn",
            };
            return WriteResults.Refusal(http, new Outcome.Invalid(new Dictionary<string, Problem> { [field] = new(outcome.Key, [named, .. outcome.Args]) }));
        }
        return await DtoAsync(offices, id, ct) is { } saved ? TypedResults.Ok(saved) : WriteResults.NotFound(http);
    }

    private static async Task<OfficeDto?> DtoAsync(OfficeQueries offices, int id, CancellationToken ct)
    {
        if (await offices.WithIdAsync(id, ct) is not { } office)
            return null;
        var names = office.Names.OrderBy(n => n.Language, StringComparer.Ordinal).ToList();
        return new OfficeDto(
            office.Id, office.Code, names.ToDictionary(n => n.Language, n => n.Name), office.DefaultLanguage, office.TimeZone,
            office.HijriAdjustment, office.NumberingPattern, office.RequiresReview,
            names.Where(n => n.FullName is not null).ToDictionary(n => n.Language, n => n.FullName!),
            names.Where(n => n.Address is not null).ToDictionary(n => n.Language, n => n.Address!),
            office.Website, office.Telephone, office.Email, OfficeSignature.SocialLinks(office.SocialLinks),
            [.. (await offices.EditorNamesAsync(id, ct)).Order(StringComparer.Ordinal)],
            [.. (await offices.MonthStartsAsync(id, ct)).Select(m => new MonthStartDto(m.Year, m.Month, m.StartsOn, m.RecordedBy))]);
    }

    /// <summary>The form's text area: one address a line.</summary>
    private static string? Lines(IReadOnlyList<string>? lines) => lines is null ? null : string.Join('\n', lines);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
