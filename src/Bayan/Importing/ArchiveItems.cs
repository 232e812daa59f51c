using Bayan.Accounts;
using Bayan.Categories;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing;

/// <summary>A comment of an imported item, waiting to be written with the others of its batch; its parent by source id.</summary>
internal sealed record ArchiveComment(
    string SourceId, string? ParentSourceId, int ReleaseId, string Language, string Name, string? Email, string Text, bool Approved,
    DateTime CreatedAt, string? Hash);

/// <summary>What an item's status on the old site asks of its release.</summary>
internal enum ArchiveState
{
    /// <summary>Stays a draft.</summary>
    Draft,

    /// <summary>Waits for review (a WordPress post "pending").</summary>
    Review,

    /// <summary>Published at the end at its original time, or scheduled when that time is ahead.</summary>
    Public,

    /// <summary>Published at the end at its original time, even one ahead (WordPress "publish").</summary>
    Published,
}

/// <summary>
/// The steps every importer takes with an item the same way, whatever it came from: its text saved as a new
/// revision, its release following the status it had, its comments written a batch at a time, publication at the end.
/// </summary>
internal sealed class ArchiveItems(
    BayanDb db, TimeProvider clock, ImportOperations operations, ImportBatch batch, ImportLedger ledger, ImportReport report, Actor importer)
{
    private readonly List<ArchiveComment> comments = [];

    /// <summary>Releases to publish at the end, each at its original time and with the number it brings (--numbers keep).</summary>
    public List<ToPublish> ToPublish { get; } = [];

    /// <summary>
    /// A category of the old site: the one Bayan has with that slug in the language, else a new one (under
    /// <paramref name="parent"/>). Null on a dry run, or when refused (the report says why).
    /// </summary>
    public async Task<int?> CategoryAsync(string sourceId, string language, string slug, string name, int? parent, bool dryRun, CancellationToken ct)
    {
        var existing = await db.CategoryNames.AsNoTracking().Where(n => n.Language == language && n.Slug == slug)
            .Select(n => (int?)n.CategoryId).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            report.Of(ImportKinds.Category).Unchanged++;
            return dryRun ? null : existing;
        }
        if (dryRun)
        {
            report.Of(ImportKinds.Category).Imported++;
            return null;
        }
        var outcome = await operations.Categories.SaveAsync(importer, new CategoryForm(null, parent,
            new Dictionary<string, string> { [language] = name.Length > 0 ? name : slug },
            new Dictionary<string, string> { [language] = slug }), ct);
        if (outcome is not Outcome.Done created)
        {
            report.Skip(ImportKinds.Category, sourceId, ArchivePublication.ProblemOf(outcome));
            return null;
        }
        report.Of(ImportKinds.Category).Imported++;
        return created.ReleaseId;
    }

    /// <summary>Starts the releases of new items, a batch at a time.</summary>
    public Task<IReadOnlyList<Outcome>> CreateAsync(IReadOnlyList<ReleaseToCreate> releases, CancellationToken ct) =>
        operations.CreateReleases.RunAsync(releases, ct);

    /// <summary>
    /// The release of a post: a new one was started with its batch (<paramref name="created"/>), a known one gets its text
    /// and details saved again. Null when refused: the report says why. The release's status when the run knows it.
    /// </summary>
    public async Task<(int ReleaseId, ReleaseStatus? Status)?> WriteAsync(
        string id, LedgerEntry? known, Outcome? created, Actor actor, string language, string title, string? slug, string summary, string body,
        IReadOnlyList<int> categories, IReadOnlyList<string> tags, CancellationToken ct)
    {
        (int, ReleaseStatus?) written;
        if (known?.TargetId is null)
        {
            if (created is not Outcome.Done done)
            {
                report.Skip(ImportKinds.Post, id, ArchivePublication.ProblemOf(created!));
                return null;
            }
            written = (done.ReleaseId, ReleaseStatus.Draft);
        }
        else
        {
            var releaseId = int.Parse(known.TargetId);
            if (await SaveTextAsync(actor, releaseId, language, title, slug, summary, body, ct) is { } problem)
            {
                report.Skip(ImportKinds.Post, id, problem);
                return null;
            }
            await operations.UpdateDetails.RunAsync(actor, releaseId, ReleaseType.PressRelease, categories, tags, ct);
            written = (releaseId, null);
        }
        Counted(known);
        return written;
    }

    /// <summary>Whether a post is as it was when imported last (counted unchanged): nothing to write.</summary>
    public bool Unchanged(LedgerEntry? known, string hash)
    {
        if (known?.TargetId is null || known.ContentHash != hash)
            return false;
        report.Of(ImportKinds.Post).Unchanged++;
        return true;
    }

    /// <summary>A post a dry run would write: imported when new, else updated.</summary>
    public void CountedDryRun(LedgerEntry? known)
    {
        if (known?.TargetId is null)
            report.Of(ImportKinds.Post).Imported++;
        else
            report.Of(ImportKinds.Post).Updated++;
    }

    /// <summary>A post written: imported the first time, else updated.</summary>
    public void Counted(LedgerEntry? known)
    {
        if (known?.ContentHash is null)
            report.Of(ImportKinds.Post).Imported++;
        else
            report.Of(ImportKinds.Post).Updated++;
    }

    /// <summary>Saves a language version as an editor's save does, never held for review: the archive is already approved.</summary>
    public async Task<Problem?> SaveTextAsync(
        Actor actor, int releaseId, string language, string title, string? slug, string summary, string body, CancellationToken ct)
    {
        var concurrency = await db.ReleaseVersions.Where(v => v.ReleaseId == releaseId && v.Language == language)
            .Select(v => (int?)v.ConcurrencyVersion).FirstOrDefaultAsync(ct);
        var outcome = await operations.SaveVersion.SaveAsync(actor,
            new VersionEdit(releaseId, language, title, slug, summary, body, concurrency), actor.Name, hold: false, ct);
        return outcome is Outcome.Done ? null : ArchivePublication.ProblemOf(outcome);
    }

    /// <summary>
    /// The release follows the item's status, never leaking it: published at the end (oldest first), scheduled when its
    /// time is ahead, submitted for review, or left a draft. <paramref name="known"/>: its status, when the run knows it.
    /// </summary>
    public async Task FollowStatusAsync(int releaseId, ArchiveState state, DateTime? at, string? number, ReleaseStatus? known, CancellationToken ct)
    {
        if (state == ArchiveState.Draft)
            return;
        var status = known ?? await db.Releases.Where(r => r.Id == releaseId).Select(r => r.Status).FirstAsync(ct);
        if (status is ReleaseStatus.Published or ReleaseStatus.Retracted)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var when = at ?? now;
        if (state == ArchiveState.Review)
        {
            if (status == ReleaseStatus.Draft)
                await operations.Workflow.SubmitForReviewAsync(importer, releaseId, ct);
        }
        else if (state == ArchiveState.Published || when <= now)
        {
            ToPublish.Add(new ToPublish(releaseId, when, number));
        }
        else if (status != ReleaseStatus.Scheduled)
        {
            var scheduled = await operations.Workflow.ScheduleAsync(importer, releaseId, when, ct);
            if (ArchivePublication.NeedsReview(scheduled))
            {
                await operations.Workflow.SubmitForReviewAsync(importer, releaseId, ct);
                await operations.Workflow.ScheduleAsync(importer, releaseId, when, ct);
            }
        }
    }

    /// <summary>A comment to write with the others of this batch (<see cref="CommentsAsync"/>).</summary>
    public void Comment(ArchiveComment comment) => comments.Add(comment);

    /// <summary>
    /// Writes the comments waiting, to the language version of their release, parents before their replies: a reply
    /// whose parent is among them waits for it, one whose parent is nowhere (skipped, never imported) stands alone.
    /// Each is remembered in the ledger with its <see cref="ArchiveComment.Hash"/>.
    /// </summary>
    public async Task CommentsAsync(CancellationToken ct)
    {
        if (comments.Count == 0)
            return;
        var releaseIds = comments.Select(c => c.ReleaseId).Distinct().ToList();
        var versions = (await db.ReleaseVersions.Where(v => releaseIds.Contains(v.ReleaseId))
            .Select(v => new { v.Id, v.ReleaseId, v.Language }).ToListAsync(ct)).ToDictionary(v => (v.ReleaseId, v.Language), v => v.Id);
        var pending = comments.Where(c => versions.ContainsKey((c.ReleaseId, c.Language))).ToList();
        comments.Clear();
        var waiting = pending.Select(c => c.SourceId).ToHashSet();
        while (pending.Count > 0)
        {
            var ready = pending.Where(c => c.ParentSourceId is not { } parent || !waiting.Contains(parent)).ToList();
            if (ready.Count == 0)
                ready = pending; // a loop of replies: they go in as they can
            var results = await operations.Comments.RunAsync([.. ready.Select(c => new ImportedComment(
                versions[(c.ReleaseId, c.Language)],
                c.ParentSourceId is { } p && ledger.Made(ImportKinds.Comment, p)?.TargetId is { } made && int.TryParse(made, out var parentId) ? parentId : null,
                c.Name, c.Email, c.Text, c.Approved, c.CreatedAt))], ct);
            for (var i = 0; i < ready.Count; i++)
            {
                var (id, problem) = results[i];
                if (id is null)
                {
                    report.Skip(ImportKinds.Comment, ready[i].SourceId, problem!);
                    continue;
                }
                report.Of(ImportKinds.Comment).Imported++;
                await ledger.RememberAsync(ImportKinds.Comment, ready[i].SourceId, id.Value.ToString(), ready[i].Language, null, ready[i].Hash, ct);
            }
            waiting.ExceptWith(ready.Select(c => c.SourceId));
            pending = [.. pending.Except(ready)];
        }
    }

    /// <summary>Publishes what was public on the old site, oldest first (<see cref="ArchivePublication"/>).</summary>
    public Task PublishAsync(NumberChoice numbers, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct) =>
        ArchivePublication.PublishAllAsync(db, operations, batch, importer, ToPublish, numbers, report, progress, ct);
}
