using System.ComponentModel;
using System.Globalization;
using Bayan.Operations;
using Bayan.Tokens;
using Bayan.Web.Api.Editing;
using Bayan.Web.Api.Tokens;
using Bayan.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Webhooks;

/// <summary>
/// Webhook endpoints through the API, for administrators' tokens with the admin scope: the back
/// office's operations (ManageWebhooks) and reads (WebhookQueries), with the same checks of the
/// address (SSRF), the same audit entries (naming the token) and a secret shown only once. A change
/// is based on the endpoint's revision, its ETag (If-Match), as a release's is.
/// </summary>
internal static class WebhookApi
{
    private const int LongestPage = 100;

    public static void MapWebhookApi(this RouteGroupBuilder api)
    {
        api.MapGet("/webhooks", ListAsync).WithTags("Webhooks").RequireScope(TokenScope.Admin)
            .WithSummary("The registered webhook endpoints, with how their latest delivery went; never their secrets.");
        api.MapPost("/webhooks", CreateAsync).WithTags("Webhooks").RequireScope(TokenScope.Admin).Refusals()
            .WithSummary("Register an endpoint: its address, events and an optional office or language; the answer holds its signing secret, shown this once.");
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/{id:int}", GetAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One endpoint; its ETag is its revision.");
        webhooks.MapPut("/{id:int}", UpdateAsync).RequireScope(TokenScope.Admin)
            .Refusals(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired)
            .WithSummary("Change an endpoint's address, events, office or language filter, and turn it on or off; needs If-Match with its ETag.");
        webhooks.MapDelete("/{id:int}", DeleteAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove an endpoint with its deliveries and their log.");
        webhooks.MapPost("/{id:int}/rotate-secret", RotateAsync).RequireScope(TokenScope.Admin).Refusals(StatusCodes.Status404NotFound)
            .WithSummary("Give the endpoint a new signing secret, shown this once; the former one signs beside it for the overlap (24 hours unless overlapHours says).");
        webhooks.MapPost("/{id:int}/ping", PingAsync).RequireScope(TokenScope.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send the endpoint a ping event, whatever events it takes; its deliveries show how it went.");
        webhooks.MapGet("/{id:int}/deliveries", DeliveriesAsync).RequireScope(TokenScope.Admin).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The endpoint's deliveries, newest first (limit=1..100, 20 unless set; older ones with the cursor), each with every try: status, answer time, the start of the answer.");
        webhooks.MapPost("/{id:int}/deliveries/{deliveryId:long}/send-again", SendAgainAsync).RequireScope(TokenScope.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Send a delivery again, whatever became of it, with the same webhook-id; its retries start afresh.");
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDto>>, ProblemHttpResult>> ListAsync(HttpContext http, WebhookQueries queries, CancellationToken ct)
    {
        if (Refused(http) is { } refusal)
            return refusal;
        var language = ApiLanguage.Of(http);
        return TypedResults.Ok<IReadOnlyList<WebhookDto>>([.. (await queries.ListAsync(ct)).Select(r => r.ToDto(language))]);
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> GetAsync(int id, HttpContext http, WebhookQueries queries, CancellationToken ct)
    {
        if (Refused(http) is { } refusal)
            return refusal;
        return await CurrentAsync(http, id, queries, ct) is { } dto ? TypedResults.Ok(dto) : WriteResults.NotFound(http);
    }

    private static async Task<Results<Created<NewWebhookDto>, ProblemHttpResult>> CreateAsync(
        [FromBody] WebhookBody body, HttpContext http, ManageWebhooks manage, WebhookQueries queries, CancellationToken ct)
    {
        var (outcome, secret) = await manage.SaveAsync(http.Caller().Actor, body.ToForm(null), ct);
        if (outcome is not Outcome.Done done || secret is null)
            return WriteResults.Refusal(http, outcome);
        var created = await CurrentAsync(http, done.ReleaseId, queries, ct);
        return TypedResults.Created($"{ApiSetup.V1}/webhooks/{done.ReleaseId}", new NewWebhookDto(created!, secret));
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> UpdateAsync(
        int id, [FromBody] WebhookBody body, HttpContext http, ManageWebhooks manage, WebhookQueries queries, CancellationToken ct)
    {
        var (seen, missing) = WriteResults.IfMatch(http);
        if (seen is null)
            return missing!;
        var (outcome, _) = await manage.SaveAsync(http.Caller().Actor, body.ToForm(id), ct, seen.Revision);
        if (outcome is Outcome.Stale stale)
        {
            http.Response.Headers.ETag = WriteResults.ETagOf(stale.CurrentRevision);
            return ApiProblems.Of(http, StatusCodes.Status412PreconditionFailed, new Problem("webhook_api_stale", stale.CurrentRevision));
        }
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, outcome);
        return await CurrentAsync(http, id, queries, ct) is { } dto ? TypedResults.Ok(dto) : WriteResults.NotFound(http);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, HttpContext http, ManageWebhooks manage, CancellationToken ct)
    {
        var outcome = await manage.DeleteAsync(http.Caller().Actor, id, ct);
        return outcome is Outcome.Done ? TypedResults.NoContent() : WriteResults.Refusal(http, outcome);
    }

    private static async Task<Results<Ok<WebhookSecretDto>, ProblemHttpResult>> RotateAsync(
        int id, [FromBody] RotateBody? body, HttpContext http, ManageWebhooks manage, WebhookQueries queries, CancellationToken ct)
    {
        var hours = body?.OverlapHours ?? 24;
        if (hours < 0 || hours > ManageWebhooks.LongestOverlap.TotalHours)
            return WriteResults.Refusal(http, new Outcome.Invalid(new Dictionary<string, Problem>
            {
                ["overlapHours"] = new("webhook_overlap_invalid", (int)ManageWebhooks.LongestOverlap.TotalDays),
            }));
        var (outcome, secret) = await manage.RotateSecretAsync(http.Caller().Actor, id, TimeSpan.FromHours(hours), ct);
        if (outcome is not Outcome.Done || secret is null)
            return WriteResults.Refusal(http, outcome);
        var now = await CurrentAsync(http, id, queries, ct);
        return TypedResults.Ok(new WebhookSecretDto(id, secret, now?.PreviousSecretUntil));
    }

    private static async Task<Results<Accepted<WebhookActionDone>, ProblemHttpResult>> PingAsync(int id, HttpContext http, ManageWebhooks manage, CancellationToken ct)
    {
        var outcome = await manage.PingAsync(http.Caller().Actor, id, ct);
        return outcome switch
        {
            Outcome.Done done => TypedResults.Accepted($"{ApiSetup.V1}/webhooks/{id}/deliveries", new WebhookActionDone(done.Message.In(ApiLanguage.Of(http)))),
            // An endpoint that is off takes no ping: a conflict with its state, not a field of the request.
            Outcome.Invalid invalid => ApiProblems.Of(http, StatusCodes.Status409Conflict, invalid.Errors.Values.First()),
            _ => WriteResults.Refusal(http, outcome),
        };
    }

    private static async Task<Results<Ok<DeliveryList>, ProblemHttpResult>> DeliveriesAsync(
        int id, HttpContext http, WebhookQueries queries,
        [Description("The `next` of the previous page: older deliveries.")] string? cursor,
        [Description("Deliveries per page, 1 to 100; 20 when not given.")] string? limit,
        CancellationToken ct)
    {
        if (Refused(http) is { } refusal)
            return refusal;
        // Read through ApiQuery, which names a bad parameter in its problem; bound above for the API's description.
        var query = new ApiQuery(http).Only(nameof(cursor), nameof(limit));
        var size = query.Number(nameof(limit), 1, LongestPage) ?? 20;
        long? before = null;
        if (query.Problem is null && query.Text(nameof(cursor)) is { } given)
        {
            if (long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var older) && older > 0)
                before = older;
            else
                query.Fail(nameof(cursor), new Problem("api_bad_cursor"));
        }
        if (query.Problem is { } bad)
            return bad;
        if (await queries.DeliveriesAsync(id, before, size, ct) is not { } page)
            return WriteResults.NotFound(http);
        var language = ApiLanguage.Of(http);
        return TypedResults.Ok(new DeliveryList([.. page.Rows.Select(r => r.ToDto(language))], page.Next?.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<Results<Accepted<WebhookActionDone>, ProblemHttpResult>> SendAgainAsync(
        int id, long deliveryId, HttpContext http, ManageWebhooks manage, CancellationToken ct)
    {
        var outcome = await manage.SendAgainAsync(http.Caller().Actor, id, deliveryId, ct);
        return outcome is Outcome.Done done
            ? TypedResults.Accepted($"{ApiSetup.V1}/webhooks/{id}/deliveries", new WebhookActionDone(done.Message.In(ApiLanguage.Of(http))))
            : WriteResults.Refusal(http, outcome);
    }

    /// <summary>The endpoint as it now stands, with its revision as the answer's ETag; null when there is none.</summary>
    private static async Task<WebhookDto?> CurrentAsync(HttpContext http, int id, WebhookQueries queries, CancellationToken ct)
    {
        if (await queries.RowAsync(id, ct) is not { } row)
            return null;
        http.Response.Headers.ETag = WriteResults.ETagOf(row.Endpoint.Revision);
        return row.ToDto(ApiLanguage.Of(http));
    }

    /// <summary>The reads are the administrators' alone, as the back office's pages are: a token of anyone else is refused.</summary>
    private static ProblemHttpResult? Refused(HttpContext http) =>
        http.Caller().Actor.CanManageSite ? null : WriteResults.Refusal(http, new Outcome.Forbidden());

    /// <summary>What a change may answer besides its success, for the API's description.</summary>
    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder builder, params int[] more)
    {
        builder.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        foreach (var status in more)
            builder.ProducesProblem(status);
        return builder;
    }
}
