using Bayan.Comments;
using Bayan.Operations;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

public sealed record QueuedCommentDto(int Id, string Name, string Text, DateTimeOffset CreatedAt, string Status, int ReleaseId, string Language, string ReleaseTitle);

/// <param name="Action">approve, reject, mark-as-spam or delete.</param>
public sealed record ModerationBody(IReadOnlyList<int>? Ids, string? Action);

public sealed record ModerationDone(int Changed);

/// <summary>Readers' comments through the API, for moderators: the queue by status, and moderation of many at once.</summary>
internal static class CommentWrites
{
    private const int Largest = 200;

    public static void MapCommentWrites(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("/comments").WithTags("Comments");
        api.MapGet("/comments", ListAsync).WithTags("Comments").RequireScope(TokenScope.Moderate)
            .WithSummary("Comments of a status (pending unless ?status= says approved, rejected or spam), newest first, at most 200.");
        comments.MapPost("/moderation", ModerateAsync).RequireScope(TokenScope.Moderate)
            .WithSummary("Approve, reject, mark as spam or delete comments; answers how many changed.");
    }

    private static async Task<Results<Ok<IReadOnlyList<QueuedCommentDto>>, ProblemHttpResult>> ListAsync(
        string? status, HttpContext http, CommentQueries queue, CancellationToken ct)
    {
        var wanted = status is null ? CommentStatus.Pending : ReleaseEditorMapping.Parse<CommentStatus>(status);
        if (wanted is null)
            return WriteResults.Refusal(http, new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("api_write_comment_status") }));
        var items = await queue.QueueForAsync(http.Caller().Actor, wanted.Value, Largest, ct);
        if (items is null)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        return TypedResults.Ok<IReadOnlyList<QueuedCommentDto>>([.. items.Select(c => new QueuedCommentDto(
            c.Id, c.Name, c.Text, ReleaseEditorMapping.Utc(c.At), ReleaseEditorMapping.Word(c.Status), c.ReleaseId, c.Language, c.ReleaseTitle))]);
    }

    private static async Task<Results<Ok<ModerationDone>, ProblemHttpResult>> ModerateAsync(
        [FromBody] ModerationBody body, HttpContext http, ModerateComments moderate, CancellationToken ct)
    {
        var errors = new Dictionary<string, Problem>();
        var action = ReleaseEditorMapping.Parse<Moderation>(body.Action);
        if (action is null)
            errors["action"] = new Problem("api_write_moderation_action");
        if (body.Ids is not { Count: > 0 and <= Largest })
            errors["ids"] = new Problem("api_write_moderation_ids", Largest);
        if (errors.Count > 0)
            return WriteResults.Refusal(http, new Outcome.Invalid(errors));
        var changed = await moderate.RunAsync(http.Caller().Actor, body.Ids!, action!.Value, ct);
        return changed is { } count ? TypedResults.Ok(new ModerationDone(count)) : WriteResults.Refusal(http, new Outcome.Forbidden());
    }
}
