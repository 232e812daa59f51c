using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Numbering;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Publishing;

/// <summary>
/// Publishes a release: now, or at its scheduled time when the scheduler calls. At its first
/// publication it gets its reference number in the same transaction. The release is claimed by a
/// conditional update first, so two nodes publishing the same release at once publish it once.
/// The search index takes the release in the same transaction, so it is found from the moment it is public,
/// and so does the `release.published` webhook event: written once, by the one publication that commits.
/// Given the release's revision the caller saw (the API's If-Match), a release changed since is stale.
/// </summary>
public sealed class PublishRelease(BayanDb db, TimeProvider clock, ISearchIndex search, IContentChanges changes, WebhookEvents webhooks)
{
    /// <param name="original">For an archive brought in (importers): the time it was first published and its number, instead of now and the next one.</param>
    public async Task<Outcome> RunAsync(Actor actor, int releaseId, CancellationToken ct, int? expectedRevision = null, OriginalPublication? original = null)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var release = await db.Releases
            .Include(r => r.Office).ThenInclude(o => o.MonthStarts)
            .FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return new Outcome.NotFound();
        if (!actor.CanPublishFor(release.OfficeId))
            return new Outcome.Forbidden();
        if (release.Status is ReleaseStatus.Published or ReleaseStatus.Retracted)
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("publish_not_possible") });
        // The office requires review: a draft is submitted first.
        if (!actor.CanPublish(release))
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("publish_needs_review") });
        if (expectedRevision is { } expected && expected != release.Revision)
            return new Outcome.Stale(release.Revision);

        var now = clock.GetUtcNow().UtcDateTime;
        var from = release.Status;
        var claimed = await db.Releases.Where(r => r.Id == releaseId && r.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Published), ct);
        if (claimed == 0)
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("publish_not_possible") });
        if (!await ReleaseRevisions.MoveAsync(db, releaseId, expectedRevision, ct))
            return await ReleaseRevisions.StaleAsync(db, transaction, releaseId, ct);

        // A scheduled release keeps the time it was announced for; otherwise it is published now.
        var publishedAt = original?.PublishedAt ?? (from == ReleaseStatus.Scheduled && release.PublishAt <= now ? release.PublishAt!.Value : now);
        release.ReferenceNumber ??= original?.ReferenceNumber;
        if (original is not { Numbered: false })
            await ReferenceNumbers.AssignAsync(db, release, publishedAt, ct);
        release.Status = ReleaseStatus.Published;
        release.PublishAt = publishedAt;
        release.UpdatedAt = now;
        AuditLog.Record(db, now, actor.Name, "release.published", $"release:{release.Id}", release.ReferenceNumber ?? "");
        // An archive brought in (published at its original time) is no news to announce to subscribers.
        if (original is null)
            await webhooks.ReleaseAsync(WebhookEventTypes.ReleasePublished, release, ct);
        await db.SaveChangesAsync(ct);
        await search.UpdateAsync([release.Id], ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Release(release.Id));
        return new Outcome.Done(release.Id, new Problem("publish_done", release.ReferenceNumber ?? ""));
    }
}

/// <summary>
/// How an imported release was published where it came from: at <see cref="PublishedAt"/> (UTC), numbered in its
/// office's pattern for that date, or not (<see cref="Numbered"/> false), or with the number it already had.
/// </summary>
public sealed record OriginalPublication(DateTime PublishedAt, bool Numbered = true, string? ReferenceNumber = null);
