using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Publishing;

/// <summary>
/// The steps of the workflow around publication: draft -> in review -> scheduled -> published, and
/// afterwards a visible correction or a retraction. Each step checks who acts and from which status,
/// and the search index follows in the same transaction: a retracted release is gone from search at once.
/// A correction and a retraction write their webhook event in that transaction too.
/// Each step takes the release's revision the caller saw (<c>expectedRevision</c>, the API's If-Match);
/// given, a release changed since is stale and the step changes nothing.
/// </summary>
public sealed class ReleaseWorkflow(BayanDb db, TimeProvider clock, ISearchIndex search, IContentChanges changes, WebhookEvents webhooks)
{
    public Task<Outcome> SubmitForReviewAsync(Actor actor, int releaseId, CancellationToken ct, int? expectedRevision = null) =>
        StepAsync(actor, releaseId, [ReleaseStatus.Draft], "release.submitted", (a, r) => a.CanSubmitForReview(r), (release, _) =>
        {
            release.Status = ReleaseStatus.InReview;
            return null;
        }, ct, expectedRevision: expectedRevision);

    public Task<Outcome> ReturnToDraftAsync(Actor actor, int releaseId, CancellationToken ct, int? expectedRevision = null) =>
        StepAsync(actor, releaseId, [ReleaseStatus.InReview, ReleaseStatus.Scheduled], "release.returned-to-draft", (a, r) => a.CanReturnToDraft(r), (release, _) =>
        {
            release.Status = ReleaseStatus.Draft;
            release.PublishAt = null;
            return null;
        }, ct, expectedRevision: expectedRevision);

    /// <summary>
    /// Publishes at <paramref name="atUtc"/>; until then the release is invisible everywhere. Given the
    /// time the editor saw (<paramref name="seen"/>), a time someone else set since is a conflict, never
    /// overwritten; after one, <paramref name="takeTheirs"/> keeps the stored time and changes nothing.
    /// </summary>
    public Task<Outcome> ScheduleAsync(
        Actor actor, int releaseId, DateTime atUtc, CancellationToken ct, SeenPublishAt? seen = null, bool takeTheirs = false,
        int? expectedRevision = null) =>
        StepAsync(actor, releaseId, [ReleaseStatus.Draft, ReleaseStatus.InReview, ReleaseStatus.Scheduled], "release.scheduled", (a, r) => a.CanPublish(r), (release, now) =>
        {
            if (atUtc <= now)
                return new Problem("schedule_in_past");
            release.Status = ReleaseStatus.Scheduled;
            release.PublishAt = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
            return null;
        }, ct, done: "schedule_done", before: release =>
            takeTheirs ? new Outcome.Done(release.Id, new Problem("workflow_done"))
            : seen is not null && !seen.Matches(release.PublishAt) ? new Outcome.ScheduleConflict(release.PublishAt, atUtc)
            : null, expectedRevision);

    /// <summary>The original's correction note alone.</summary>
    public Task<Outcome> CorrectAsync(Actor actor, int releaseId, string note, CancellationToken ct) =>
        CorrectAsync(actor, releaseId, OriginalOnly(note), ct);

    /// <summary>
    /// A dated correction with a note per language version (<paramref name="notes"/> by language; the
    /// original's is required, a version without one shows the original's). A version left out loses its
    /// former note: the form always sends them all.
    /// </summary>
    public Task<Outcome> CorrectAsync(
        Actor actor, int releaseId, IReadOnlyDictionary<string, string?> notes, CancellationToken ct, int? expectedRevision = null) =>
        StepAsync(actor, releaseId, [ReleaseStatus.Published], "release.corrected", (a, r) => a.CanCorrectOrRetract(r), (release, now) =>
        {
            if (NotesFor(release, notes) is not { } texts)
                return new Problem("note_required", Data.Limits.Summary);
            foreach (var version in release.Versions)
                version.CorrectionNote = texts.GetValueOrDefault(version.Language);
            release.CorrectedAt = now;
            return null;
        }, ct, expectedRevision: expectedRevision, webhook: WebhookEventTypes.ReleaseCorrected);

    /// <summary>Withdraws the release with the original's reason alone; the caller has confirmed.</summary>
    public Task<Outcome> RetractAsync(Actor actor, int releaseId, string note, CancellationToken ct) =>
        RetractAsync(actor, releaseId, OriginalOnly(note), confirmed: true, ct);

    /// <summary>
    /// Withdraws a published release from every page, feed and search, with the reason per language
    /// version as for a correction. It cannot be undone, so the person must have confirmed it.
    /// </summary>
    public Task<Outcome> RetractAsync(
        Actor actor, int releaseId, IReadOnlyDictionary<string, string?> notes, bool confirmed, CancellationToken ct, int? expectedRevision = null) =>
        StepAsync(actor, releaseId, [ReleaseStatus.Published], "release.retracted", (a, r) => a.CanCorrectOrRetract(r), (release, now) =>
        {
            if (!confirmed)
                return new Problem("retract_confirm_required");
            if (NotesFor(release, notes) is not { } texts)
                return new Problem("note_required", Data.Limits.Summary);
            release.Status = ReleaseStatus.Retracted;
            foreach (var version in release.Versions)
                version.RetractionNote = texts.GetValueOrDefault(version.Language);
            release.RetractedAt = now;
            return null;
        }, ct, expectedRevision: expectedRevision, webhook: WebhookEventTypes.ReleaseRetracted);

    /// <summary>Closes or reopens a release to new comments; the comments it has stay.</summary>
    public Task<Outcome> SetCommentsClosedAsync(Actor actor, int releaseId, bool closed, CancellationToken ct, int? expectedRevision = null) =>
        StepAsync(actor, releaseId, Enum.GetValues<ReleaseStatus>(), closed ? "release.comments-closed" : "release.comments-opened", (a, r) => a.CanChangeDetails(r), (release, _) =>
        {
            release.CommentsClosed = closed;
            return null;
        }, ct, expectedRevision: expectedRevision);

    private static string? Note(string? note) =>
        note?.Trim() is { Length: > 0 and <= Data.Limits.Summary } text && !text.Contains('<') ? text : null;

    /// <summary>An original-only note, keyed by a language no version has: <see cref="NotesFor"/> gives it to the original.</summary>
    private const string Original = "";

    private static Dictionary<string, string?> OriginalOnly(string note) => new() { [Original] = note };

    /// <summary>
    /// The note of each version that has one, checked; null when the original has none or any note
    /// is empty of text, too long or holds HTML. Notes for languages the release has not are ignored.
    /// </summary>
    private static Dictionary<string, string>? NotesFor(Release release, IReadOnlyDictionary<string, string?> notes)
    {
        var texts = new Dictionary<string, string>();
        foreach (var version in release.Versions)
        {
            var given = notes.GetValueOrDefault(version.Language) ?? (version.IsOriginal ? notes.GetValueOrDefault(Original) : null);
            if (string.IsNullOrWhiteSpace(given))
                continue;
            if (Note(given) is not { } text)
                return null;
            texts[version.Language] = text;
        }
        return texts.ContainsKey(release.OriginalLanguage) ? texts : null;
    }

    private async Task<Outcome> StepAsync(
        Actor actor, int releaseId, ReleaseStatus[] from, string action, Func<Actor, Release, bool> allowed,
        Func<Release, DateTime, Problem?> apply, CancellationToken ct, string done = "workflow_done",
        Func<Release, Outcome?>? before = null, int? expectedRevision = null, string? webhook = null)
    {
        // With its versions: a correction or retraction writes a note on each.
        var release = await db.Releases.Include(r => r.Versions).Include(r => r.Office).FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return new Outcome.NotFound();
        if (!actor.CanEditOffice(release.OfficeId))
            return new Outcome.Forbidden();
        if (!from.Contains(release.Status))
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("workflow_not_from") });
        // An editor refused is refused by the office's rule of review; anyone else by their role.
        if (!allowed(actor, release))
        {
            return actor.CanPublishFor(release.OfficeId)
                ? new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("publish_needs_review") })
                : new Outcome.Forbidden();
        }
        if (expectedRevision is { } expected && expected != release.Revision)
            return new Outcome.Stale(release.Revision);
        // A step that ends before changing anything (a conflict, or keeping what is stored) saves nothing.
        if (before?.Invoke(release) is { } early)
            return early;
        var now = clock.GetUtcNow().UtcDateTime;
        if (apply(release, now) is { } problem)
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = problem });
        release.UpdatedAt = now;
        AuditLog.Record(db, now, actor.Name, action, $"release:{release.Id}", release.Status.ToString());
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (!await ReleaseRevisions.MoveAsync(db, release.Id, expectedRevision, ct))
            return await ReleaseRevisions.StaleAsync(db, transaction, release.Id, ct);
        if (webhook is not null)
            await webhooks.ReleaseAsync(webhook, release, ct);
        await db.SaveChangesAsync(ct);
        // Whatever the step, the index holds the release exactly while it is published.
        await search.UpdateAsync([release.Id], ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Release(release.Id));
        return new Outcome.Done(release.Id, new Problem(done));
    }
}
