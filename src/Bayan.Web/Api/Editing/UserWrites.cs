using Bayan.Accounts;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

/// <summary>A back-office account and its roles. Its password and security stamp never leave the server.</summary>
/// <param name="Language">The language the back office speaks to the person in.</param>
/// <param name="Offices">Offices the person edits: writes, reviews and publishes.</param>
/// <param name="WriterOffices">Offices the person writes for and submits for review, without publishing.</param>
/// <param name="Languages">Languages the person translates into.</param>
/// <param name="LockedUntil">Until when failed sign-ins keep the person out; null when they do not.</param>
/// <param name="PasswordSet">False until the person has chosen a password with their link.</param>
public sealed record UserDto(
    int Id, string Email, string Name, string Language, bool Administrator, bool Moderator,
    IReadOnlyList<int> Offices, IReadOnlyList<int> WriterOffices, IReadOnlyList<string> Languages,
    DateTimeOffset? LockedUntil, bool PasswordSet, DateTimeOffset CreatedAt);

/// <param name="Next">The address of the next page; null on the last.</param>
public sealed record UserPage(IReadOnlyList<UserDto> Items, int Page, int Limit, int Total, string? Next);

/// <param name="Url">A one-time address where the person chooses their password; pass it on to them. It is answered this once.</param>
public sealed record PasswordLinkDto(int UserId, string Url, DateTimeOffset ExpiresAt);

public sealed record NewUserDto(UserDto User, PasswordLinkDto PasswordLink);

/// <summary>A new account: it has no password until its person follows the answered link.</summary>
/// <param name="Language">The back office's language for the person; the site's default language when left out.</param>
public sealed record NewUserBody(
    string? Email, string? Name, string? Language, bool? Administrator, bool? Moderator,
    IReadOnlyList<int>? Offices, IReadOnlyList<int>? WriterOffices, IReadOnlyList<string>? Languages);

/// <summary>A change of an account's name, language or roles; what is left out (null) stays as it is, a list given replaces the old one.</summary>
public sealed record UserBody(
    string? Name, string? Language, bool? Administrator, bool? Moderator,
    IReadOnlyList<int>? Offices, IReadOnlyList<int>? WriterOffices, IReadOnlyList<string>? Languages);

/// <summary>
/// Back-office accounts through the API: the back office's user pages (CreateUser, UpdateUser,
/// UnlockUser, ResetPasswordLink, SignOutEverywhere), for administrators' tokens with the admin scope.
/// </summary>
internal static class UserWrites
{
    private const int DefaultLimit = 50;
    private const int LargestLimit = 100;

    public static void MapUserWrites(this RouteGroupBuilder api)
    {
        api.MapGet("/users", ListAsync).WithTags("Users").RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every back-office account by name, a page at a time (?page=1.., ?limit=1..100, 50 unless told).");
        api.MapPost("/users", CreateAsync).WithTags("Users").RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Create an account without a password; the answer carries its one-time link to choose one, shown this once.");
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/{id:int}", GetAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One account with its roles.");
        users.MapPut("/{id:int}", ChangeAsync).RequireScope(TokenScope.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Change an account's name, language and roles. The site keeps at least one administrator, and nobody takes the role from themselves.");
        users.MapPost("/{id:int}/unlock", (int id, HttpContext http, UnlockUser unlock, UserQueries queries, TimeProvider clock, CancellationToken ct) =>
                ChangedAsync(http, id, unlock.RunAsync(http.Caller().Actor, id, ct), queries, clock, ct))
            .RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lift the lockout that failed sign-ins put on an account.");
        users.MapPost("/{id:int}/sign-out-everywhere", (int id, HttpContext http, SignOutEverywhere signOut, UserQueries queries, TimeProvider clock, CancellationToken ct) =>
                ChangedAsync(http, id, signOut.RunAsync(http.Caller().Actor, id, ct), queries, clock, ct))
            .RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("End every session of an account on every device.");
        users.MapPost("/{id:int}/password-link", LinkAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Make a new one-time link to choose a password; every older link stops working and the account's sessions end.");
    }

    private static async Task<Results<Ok<UserPage>, ProblemHttpResult>> ListAsync(HttpContext http, UserQueries queries, TimeProvider clock, CancellationToken ct)
    {
        // As the back office's user pages: administrators only.
        if (!http.Caller().Actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        var query = new ApiQuery(http).Only("page", "limit");
        var page = query.Number("page", 1, int.MaxValue / LargestLimit) ?? 1;
        var limit = query.Number("limit", 1, LargestLimit) ?? DefaultLimit;
        if (query.Problem is { } bad)
            return bad;
        var (users, total) = await queries.PageAsync(page, limit, ct);
        var next = (long)page * limit < total ? $"/api/v1/users?page={page + 1}&limit={limit}" : null;
        return TypedResults.Ok(new UserPage([.. users.Select(u => ToDto(u, clock))], page, limit, total, next));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(int id, HttpContext http, UserQueries queries, TimeProvider clock, CancellationToken ct)
    {
        if (!http.Caller().Actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        return await queries.WithAccessAsync(id, ct) is { } user ? TypedResults.Ok(ToDto(user, clock)) : WriteResults.NotFound(http);
    }

    private static async Task<Results<Created<NewUserDto>, ProblemHttpResult>> CreateAsync(
        [FromBody] NewUserBody body, HttpContext http, CreateUser create, UserQueries queries, SiteQueries sites, TimeProvider clock, CancellationToken ct)
    {
        // As the back office's new-account form starts: in the newsroom's own language when the back office speaks it.
        var siteLanguage = await sites.DefaultLanguageAsync(ct);
        var language = body.Language ?? (Messages.Translated.Contains(siteLanguage) ? siteLanguage : Messages.Fallback);
        var form = new UserForm(body.Name ?? "", language, body.Administrator ?? false, body.Moderator ?? false,
            body.Offices ?? [], body.Languages ?? [], body.WriterOffices ?? []);
        var (link, outcome) = await create.RunAsync(http.Caller().Actor, body.Email ?? "", form, ct);
        if (link is null || outcome is not Outcome.Done)
            return WriteResults.Refusal(http, Renamed(outcome));
        var user = await queries.WithAccessAsync(link.UserId, ct);
        if (user is null)
            return WriteResults.NotFound(http);
        return TypedResults.Created($"/api/v1/users/{user.Id}", new NewUserDto(ToDto(user, clock), LinkDto(http, link, clock)));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> ChangeAsync(
        int id, [FromBody] UserBody body, HttpContext http, UpdateUser update, UserQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        if (!actor.CanManageSite)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        if (await queries.WithAccessAsync(id, ct) is not { } user)
            return WriteResults.NotFound(http);
        var form = new UserForm(
            body.Name ?? user.DisplayName, body.Language ?? user.Language,
            body.Administrator ?? user.IsAdministrator, body.Moderator ?? user.IsModerator,
            body.Offices ?? [.. user.Offices.Where(o => o.CanPublish).Select(o => o.OfficeId)],
            body.Languages ?? [.. user.Languages.Select(l => l.Language)],
            body.WriterOffices ?? [.. user.Offices.Where(o => !o.CanPublish).Select(o => o.OfficeId)]);
        return await ChangedAsync(http, id, update.RunAsync(actor, id, form, ct), queries, clock, ct);
    }

    private static async Task<Results<Ok<PasswordLinkDto>, ProblemHttpResult>> LinkAsync(
        int id, HttpContext http, ResetPasswordLink reset, TimeProvider clock, CancellationToken ct)
    {
        var (link, outcome) = await reset.RunAsync(http.Caller().Actor, id, ct);
        return link is null ? WriteResults.Refusal(http, outcome) : TypedResults.Ok(LinkDto(http, link, clock));
    }

    /// <summary>An operation on one account, answered with the account as it now stands.</summary>
    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> ChangedAsync(
        HttpContext http, int id, Task<Outcome> change, UserQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await change;
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, Renamed(outcome));
        return await queries.WithAccessAsync(id, ct) is { } user ? TypedResults.Ok(ToDto(user, clock)) : WriteResults.NotFound(http);
    }

    /// <summary>The account form's "display_name" is the body's "name"; "offices" names both lists of offices.</summary>
    private static Outcome Renamed(Outcome outcome) =>
        BodyFields.Renamed(outcome, field => field == "display_name" ? "name" : null);

    private static PasswordLinkDto LinkDto(HttpContext http, PasswordLink link, TimeProvider clock) =>
        new(link.UserId, SiteUrls.Absolute(RequestOrigin.Of(http.Request), link.Url), clock.GetUtcNow() + PasswordLink.Lifespan);

    private static UserDto ToDto(User user, TimeProvider clock) => new(
        user.Id, user.Email ?? "", user.DisplayName, user.Language, user.IsAdministrator, user.IsModerator,
        [.. user.Offices.Where(o => o.CanPublish).Select(o => o.OfficeId).Order()],
        [.. user.Offices.Where(o => !o.CanPublish).Select(o => o.OfficeId).Order()],
        [.. user.Languages.Select(l => l.Language).Order(StringComparer.Ordinal)],
        user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end.ToUniversalTime() : null,
        user.PasswordHash is not null,
        ReleaseEditorMapping.Utc(user.CreatedAt));
}
