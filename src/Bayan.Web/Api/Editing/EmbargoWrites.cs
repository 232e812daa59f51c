using Bayan.Embargo;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

/// <param name="Active">False once revoked: the link then opens nothing.</param>
public sealed record EmbargoLinkDto(int Id, int ReleaseId, string Label, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, bool Active);

/// <param name="Url">The link's address, answered this once: only its hash is kept.</param>
public sealed record NewEmbargoLinkDto(int Id, int ReleaseId, string Label, string CreatedBy, DateTimeOffset CreatedAt, string Url);

/// <param name="Label">Who the link is for, e.g. "Wire agencies".</param>
public sealed record EmbargoLinkBody(string? Label);

/// <summary>
/// Embargoed preview links through the API: the back office's release page lists, makes and revokes
/// them (EmbargoLinks), for the office's editors. Sharing a release before its time is an editor's
/// decision (ReleaseRules: CanShareUnderEmbargo), so every one of these needs the `publish` scope.
/// </summary>
internal static class EmbargoWrites
{
    // Mapped on the parent, as ReleaseWrites does: a group's empty route would end in a slash.
    private const string Links = "/releases/{id:int}/embargo-links";

    public static void MapEmbargoWrites(this RouteGroupBuilder api)
    {
        api.MapGet(Links, ListAsync).WithTags("Embargo links").RequireScope(TokenScope.Publish).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A scheduled release's embargoed preview links, newest first, revoked ones included (their addresses are never shown again).");
        api.MapPost(Links, CreateAsync).WithTags("Embargo links").RequireScope(TokenScope.Publish)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Make a secret link that shows the scheduled release to journalists before its time; its address is in this answer only.");
        api.MapPost(Links + "/{linkId:int}/revoke", RevokeAsync).WithTags("Embargo links").RequireScope(TokenScope.Publish).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a link at once: it opens nothing from now on. Revoking it again changes nothing.");
    }

    private static async Task<Results<Ok<IReadOnlyList<EmbargoLinkDto>>, ProblemHttpResult>> ListAsync(
        int id, HttpContext http, EmbargoLinks embargo, CancellationToken ct)
    {
        var (links, outcome) = await embargo.ListAsync(http.Caller().Actor, id, ct);
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, outcome);
        return TypedResults.Ok<IReadOnlyList<EmbargoLinkDto>>([.. links.Select(ToDto)]);
    }

    private static async Task<Results<Created<NewEmbargoLinkDto>, ProblemHttpResult>> CreateAsync(
        int id, [FromBody] EmbargoLinkBody body, HttpContext http, EmbargoLinks embargo, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        var (link, outcome) = await embargo.CreateAsync(actor, id, body.Label ?? "", ct);
        if (link is null)
            return WriteResults.Refusal(http, outcome);
        var (made, _) = await embargo.ListAsync(actor, id, ct);
        var stored = made.Single(l => l.Id == link.Id);
        // As the back office shows it: the site's public address (or the request's), which a journalist can open.
        var url = SiteUrls.Absolute(RequestOrigin.Of(http.Request), link.Path);
        return TypedResults.Created($"/api/v1/releases/{id}/embargo-links",
            new NewEmbargoLinkDto(stored.Id, stored.ReleaseId, stored.Label, stored.CreatedBy, ReleaseEditorMapping.Utc(stored.CreatedAt), url));
    }

    private static async Task<Results<Ok<EmbargoLinkDto>, ProblemHttpResult>> RevokeAsync(
        int id, int linkId, HttpContext http, EmbargoLinks embargo, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        var outcome = await embargo.RevokeAsync(actor, linkId, ct, releaseId: id);
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, outcome);
        var (links, _) = await embargo.ListAsync(actor, id, ct);
        return TypedResults.Ok(ToDto(links.Single(l => l.Id == linkId)));
    }

    private static EmbargoLinkDto ToDto(EmbargoLink link) => new(
        link.Id, link.ReleaseId, link.Label, link.CreatedBy,
        ReleaseEditorMapping.Utc(link.CreatedAt), ReleaseEditorMapping.Utc(link.RevokedAt), link.RevokedAt is null);
}
