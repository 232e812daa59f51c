using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>
/// An editor's review of text held for a published or scheduled release: publishing it saves it as
/// the version's next revision, in its writer's name; discarding it leaves the published text as it is.
/// Given the release's revision the caller saw (the API's If-Match), a release changed since is stale.
/// </summary>
public sealed class ReviewHeldEdits(BayanDb db, TimeProvider clock, SaveVersion save)
{
    public async Task<Outcome> PublishAsync(Actor actor, int heldId, CancellationToken ct, int? expectedRevision = null)
    {
        var (held, refusal) = await FindAsync(actor, heldId, ct);
        if (held is null)
            return refusal!;
        var version = await db.ReleaseVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ReleaseId == held.ReleaseId && v.Language == held.Language, ct);
        db.ChangeTracker.Clear();
        // The editor reviewed the held text against what readers see now, so it is saved over that.
        var outcome = await save.SaveAsync(actor,
            new VersionEdit(held.ReleaseId, held.Language, held.Title, held.Slug, held.Summary, held.Body, version?.ConcurrencyVersion, ReleaseRevision: expectedRevision),
            held.Author, hold: false, ct);
        if (outcome is not Outcome.Done)
            return outcome;
        await db.HeldEdits.Where(h => h.Id == heldId).ExecuteDeleteAsync(ct);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "version.held-published", $"release:{held.ReleaseId}", $"{held.Language}: {held.Title} ({held.Author})");
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(held.ReleaseId, new Problem("held_published"));
    }

    public async Task<Outcome> DiscardAsync(Actor actor, int heldId, CancellationToken ct, int? expectedRevision = null)
    {
        var (held, refusal) = await FindAsync(actor, heldId, ct);
        if (held is null)
            return refusal!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Releases.ReleaseRevisions.MoveAsync(db, held.ReleaseId, expectedRevision, ct))
            return await Releases.ReleaseRevisions.StaleAsync(db, transaction, held.ReleaseId, ct);
        db.HeldEdits.Remove(held);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "version.held-discarded", $"release:{held.ReleaseId}", $"{held.Language}: {held.Title} ({held.Author})");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome.Done(held.ReleaseId, new Problem("held_discarded"));
    }

    private async Task<(HeldEdit? Held, Outcome? Refusal)> FindAsync(Actor actor, int heldId, CancellationToken ct)
    {
        var held = await db.HeldEdits.FirstOrDefaultAsync(h => h.Id == heldId, ct);
        var release = held is null ? null : await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Id == held.ReleaseId, ct);
        if (held is null || release is null)
            return (null, new Outcome.NotFound());
        return actor.CanReviewEdits(release) ? (held, null) : (null, new Outcome.Forbidden());
    }
}
