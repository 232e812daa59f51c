using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Media;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

public sealed record NewReleaseBody(
    int OfficeId, string? Type, string? Language, string? Title, string? Slug, string? Summary, string? Body,
    IReadOnlyList<int>? CategoryIds, IReadOnlyList<string>? Tags);

public sealed record VersionBody(string? Title, string? Slug, string? Summary, string? Body);

/// <param name="CommentsClosed">Null leaves it as it is.</param>
public sealed record DetailsBody(string? Type, IReadOnlyList<int>? CategoryIds, IReadOnlyList<string>? Tags, bool? CommentsClosed);

public sealed record ReleaseMediaBody(Guid? FeaturedImage, IReadOnlyList<Guid>? Attachments);

public sealed record ScheduleBody(DateTimeOffset? PublishAt);

/// <param name="Notes">A note per language version; the original's is required.</param>
public sealed record NotesBody(IReadOnlyDictionary<string, string?>? Notes);

/// <summary>
/// Releases through the API: the same operations as the back office's release pages, each change
/// based on the release's revision (If-Match), answered with the release as its editors see it and
/// its new ETag. The audit log names the token (its actor's name does).
/// </summary>
internal static class ReleaseWrites
{
    public static void MapReleaseWrites(this RouteGroupBuilder api)
    {
        // The collection's own address on the parent: a group's empty route would end in a slash.
        api.MapPost("/releases", CreateAsync).WithTags("Editing releases").RequireScope(TokenScope.Write)
            .WithSummary("Start a release: a draft in its original language.");
        var releases = api.MapGroup("/releases").WithTags("Editing releases");
        releases.MapGet("/{id:int}/editor", GetAsync).RequireScope(TokenScope.Read)
            .WithSummary("A release as its editors see it, drafts included; its ETag is its revision.");
        releases.MapPut("/{id:int}/versions/{language}", SaveVersionAsync).RequireScope(TokenScope.Write).BasedOnRevision()
            .WithSummary("Save a language version's text (a new translation when the language has none); held for review where the office's rule says so.");
        releases.MapPut("/{id:int}/details", DetailsAsync).RequireScope(TokenScope.Write).BasedOnRevision()
            .WithSummary("File the release: its type, categories, tags, and whether it takes comments.");
        releases.MapPut("/{id:int}/media", MediaAsync).RequireScope(TokenScope.Write).BasedOnRevision()
            .WithSummary("Choose the featured image and attachments from the media library.");
        releases.MapPost("/{id:int}/submit", (int id, HttpContext http, ReleaseWorkflow workflow, EditingQueries queries, CancellationToken ct) =>
                ChangeAsync(http, id, queries, (actor, seen) => workflow.SubmitForReviewAsync(actor, id, ct, seen), ct))
            .RequireScope(TokenScope.Write).BasedOnRevision().WithSummary("Submit a draft for review.");
        releases.MapPost("/{id:int}/return-to-draft", (int id, HttpContext http, ReleaseWorkflow workflow, EditingQueries queries, CancellationToken ct) =>
                ChangeAsync(http, id, queries, (actor, seen) => workflow.ReturnToDraftAsync(actor, id, ct, seen), ct))
            .RequireScope(TokenScope.Write).BasedOnRevision().WithSummary("Take a release in review (or, for editors, a scheduled one) back to draft.");
        releases.MapPost("/{id:int}/schedule", ScheduleAsync).RequireScope(TokenScope.Publish).BasedOnRevision()
            .WithSummary("Publish at a later instant; until then the release is invisible everywhere.");
        releases.MapPost("/{id:int}/publish", (int id, HttpContext http, PublishRelease publish, EditingQueries queries, CancellationToken ct) =>
                ChangeAsync(http, id, queries, (actor, seen) => publish.RunAsync(actor, id, ct, seen), ct))
            .RequireScope(TokenScope.Publish).BasedOnRevision().WithSummary("Publish now; the first publication gives the reference number.");
        releases.MapPost("/{id:int}/correct", (int id, [FromBody] NotesBody body, HttpContext http, ReleaseWorkflow workflow, EditingQueries queries, CancellationToken ct) =>
                ChangeAsync(http, id, queries, (actor, seen) => workflow.CorrectAsync(actor, id, body.Notes ?? new Dictionary<string, string?>(), ct, seen), ct))
            .RequireScope(TokenScope.Publish).BasedOnRevision().WithSummary("Correct a published release with a visible, dated note per language.");
        releases.MapPost("/{id:int}/retract", (int id, [FromBody] NotesBody body, HttpContext http, ReleaseWorkflow workflow, EditingQueries queries, CancellationToken ct) =>
                ChangeAsync(http, id, queries, (actor, seen) => workflow.RetractAsync(actor, id, body.Notes ?? new Dictionary<string, string?>(), confirmed: true, ct, seen), ct))
            .RequireScope(TokenScope.Publish).BasedOnRevision().WithSummary("Withdraw a published release from every page, feed and search, with the reason per language. It cannot be undone.");
        releases.MapPost("/{id:int}/versions/{language}/held/publish", (int id, string language, HttpContext http, ReviewHeldEdits review, EditingQueries queries, CancellationToken ct) =>
                HeldAsync(http, id, language, queries, (actor, heldId, seen) => review.PublishAsync(actor, heldId, ct, seen), ct))
            .RequireScope(TokenScope.Publish).BasedOnRevision().WithSummary("Publish the text that waits for review, as the version's next revision in its writer's name.");
        releases.MapPost("/{id:int}/versions/{language}/held/discard", (int id, string language, HttpContext http, ReviewHeldEdits review, EditingQueries queries, CancellationToken ct) =>
                HeldAsync(http, id, language, queries, (actor, heldId, seen) => review.DiscardAsync(actor, heldId, ct, seen), ct))
            .RequireScope(TokenScope.Publish).BasedOnRevision().WithSummary("Discard the text that waits for review; readers keep the published text.");
        releases.MapGet("/{id:int}/versions/{language}/revisions", RevisionsAsync).RequireScope(TokenScope.Read)
            .WithSummary("The revisions of a language version, newest first.");
        releases.MapPost("/{id:int}/versions/{language}/revisions/{number:int}/restore",
                (int id, string language, int number, HttpContext http, RestoreRevision restore, EditingQueries queries, CancellationToken ct) =>
                    ChangeAsync(http, id, queries, (actor, seen) => restore.RunAsync(actor, id, language, number, ct, seen), ct))
            .RequireScope(TokenScope.Write).BasedOnRevision().WithSummary("Restore an old revision: its text is saved as the newest one.");
    }

    private static async Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> GetAsync(int id, HttpContext http, EditingQueries queries, CancellationToken ct)
    {
        var edited = await queries.EditedAsync(http.Caller().Actor, id, ct);
        if (edited is null)
            return WriteResults.NotFound(http);
        http.Response.Headers.ETag = WriteResults.ETagOf(edited.Release.Revision);
        return TypedResults.Ok(edited.ToEditorDto());
    }

    private static async Task<Results<Created<ReleaseEditorDto>, ProblemHttpResult>> CreateAsync(
        [FromBody] NewReleaseBody body, HttpContext http, CreateRelease create, EditingQueries queries, CancellationToken ct)
    {
        var type = body.Type is null ? ReleaseType.PressRelease : ReleaseEditorMapping.Parse<ReleaseType>(body.Type);
        if (type is null)
            return WriteResults.Refusal(http, Invalid("type", "edit_type_unknown"));
        var actor = http.Caller().Actor;
        var outcome = await create.RunAsync(actor,
            new NewRelease(body.OfficeId, type.Value, body.Language ?? "", body.Title ?? "", body.Slug, body.Summary ?? "", body.Body ?? "", body.CategoryIds, body.Tags), ct);
        if (outcome is not Outcome.Done done)
            return WriteResults.Refusal(http, outcome);
        var edited = await queries.EditedAsync(actor, done.ReleaseId, ct);
        if (edited is null)
            return WriteResults.NotFound(http);
        http.Response.Headers.ETag = WriteResults.ETagOf(edited.Release.Revision);
        return TypedResults.Created($"/api/v1/releases/{done.ReleaseId}/editor", edited.ToEditorDto());
    }

    private static async Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> SaveVersionAsync(
        int id, string language, [FromBody] VersionBody body, HttpContext http, SaveVersion save, EditingQueries queries, CancellationToken ct)
    {
        // The release's revision guards the whole release; the version's own counter and held text are taken as they stand.
        var (concurrency, heldStamp) = await queries.VersionStampsAsync(id, language, ct);
        return await ChangeAsync(http, id, queries, (a, seen) => save.RunAsync(a,
            new VersionEdit(id, language, body.Title ?? "", body.Slug, body.Summary ?? "", body.Body ?? "", concurrency,
                HeldSeen: heldStamp, ReleaseRevision: seen), ct), ct);
    }

    private static Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> DetailsAsync(
        int id, [FromBody] DetailsBody body, HttpContext http, UpdateReleaseDetails details, ReleaseWorkflow workflow, EditingQueries queries, CancellationToken ct) =>
        ChangeAsync(http, id, queries, async (actor, seen) =>
        {
            if (ReleaseEditorMapping.Parse<ReleaseType>(body.Type) is not { } type)
                return Invalid("type", "edit_type_unknown");
            var outcome = await details.RunAsync(actor, id, type, body.CategoryIds ?? [], body.Tags ?? [], ct, expectedRevision: seen);
            if (outcome is not Outcome.Done || body.CommentsClosed is not { } closed)
                return outcome;
            // One request, two steps: the second follows the first, whatever anyone did in between.
            return await workflow.SetCommentsClosedAsync(actor, id, closed, ct);
        }, ct);

    private static Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> MediaAsync(
        int id, [FromBody] ReleaseMediaBody body, HttpContext http, SetReleaseMedia media, EditingQueries queries, CancellationToken ct) =>
        ChangeAsync(http, id, queries, (actor, seen) => media.RunAsync(actor, id, body.FeaturedImage, body.Attachments ?? [], ct, seen), ct);

    private static Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> ScheduleAsync(
        int id, [FromBody] ScheduleBody body, HttpContext http, ReleaseWorkflow workflow, EditingQueries queries, CancellationToken ct) =>
        ChangeAsync(http, id, queries, async (actor, seen) => body.PublishAt is { } at
            ? await workflow.ScheduleAsync(actor, id, at.UtcDateTime, ct, expectedRevision: seen)
            : Invalid("publishAt", "api_write_publish_at_required"), ct);

    private static async Task<Results<Ok<IReadOnlyList<RevisionDto>>, ProblemHttpResult>> RevisionsAsync(
        int id, string language, HttpContext http, EditingQueries queries, CancellationToken ct)
    {
        var revisions = await queries.RevisionEntriesAsync(http.Caller().Actor, id, language, ct);
        if (revisions is null)
            return WriteResults.NotFound(http);
        return TypedResults.Ok<IReadOnlyList<RevisionDto>>([.. revisions.Select(r => new RevisionDto(r.Number, r.Title, r.Author, ReleaseEditorMapping.Utc(r.CreatedAt)))]);
    }

    /// <summary>A review of the text held for one language version; 404 when none waits.</summary>
    private static async Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> HeldAsync(
        HttpContext http, int id, string language, EditingQueries queries, Func<Actor, int, int?, Task<Outcome>> review, CancellationToken ct)
    {
        var current = await queries.EditedAsync(http.Caller().Actor, id, ct);
        if (current?.Held.FirstOrDefault(h => h.Language == language) is not { } held)
            return WriteResults.NotFound(http);
        return await ChangeAsync(http, id, queries, (actor, seen) => review(actor, held.Id, seen), ct);
    }

    /// <summary>A change of an existing release: If-Match first, then the operation, then the release as it now stands.</summary>
    private static async Task<Results<Ok<ReleaseEditorDto>, ProblemHttpResult>> ChangeAsync(
        HttpContext http, int id, EditingQueries queries, Func<Actor, int?, Task<Outcome>> change, CancellationToken ct)
    {
        var (seen, refusal) = WriteResults.IfMatch(http);
        if (seen is null)
            return refusal!;
        var actor = http.Caller().Actor;
        var outcome = await change(actor, seen.Revision);
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, outcome);
        var edited = await queries.EditedAsync(actor, id, ct);
        if (edited is null)
            return WriteResults.NotFound(http);
        http.Response.Headers.ETag = WriteResults.ETagOf(edited.Release.Revision);
        return TypedResults.Ok(edited.ToEditorDto());
    }

    /// <summary>What a change based on the release's revision may also answer, for the API's description.</summary>
    private static RouteHandlerBuilder BasedOnRevision(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static Outcome.Invalid Invalid(string field, string key) => new(new Dictionary<string, Problem> { [field] = new(key) });
}
