using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.K2;

internal sealed partial class K2Run
{
    /// <summary>Releases to publish at the end, each at its original time and with the number it brings (--numbers keep).</summary>
    private readonly List<ToPublish> toPublish = [];

    /// <summary>
    /// Why an item public on no K2 page stays a draft: unpublished, for registered readers only (an access level other
    /// than Public), or expired (its publish_down passed). Null: it is public, or will be at publish_up.
    /// </summary>
    private Problem? NotPublic(K2Item item, DateTime now) => item switch
    {
        { Published: false } => new Problem("import_k2_unpublished"),
        { Access: not (0 or 1) } => new Problem("import_k2_access", item.Access),
        { PublishDown: { } end } when end <= now => new Problem("import_k2_expired", end.ToString("yyyy-MM-dd HH:mm")),
        _ => null,
    };

    /// <summary>
    /// K2's state, never leaked: a public item is published at the end (oldest first) at its publish_up, one whose
    /// publish_up is ahead is scheduled; the others stay drafts and are listed in the report.
    /// </summary>
    private async Task FollowStatusAsync(int releaseId, K2Item item, bool fresh, CancellationToken ct, ReleaseStatus? known = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (NotPublic(item, now) is { } reason)
        {
            if (fresh)
                report.NotPublic.Add(new ImportNote(ImportKinds.Post, item.Id.ToString(), reason));
            return;
        }
        if (options.DryRun)
            return;
        var status = known ?? await db.Releases.Where(r => r.Id == releaseId).Select(r => r.Status).FirstAsync(ct);
        if (status is ReleaseStatus.Published or ReleaseStatus.Retracted)
            return;
        var at = item.PublishedAt ?? now;
        if (at <= now)
        {
            var number = options.Numbers == NumberChoice.Keep ? K2Content.ExtraField(item, scan.ExtraFieldNames, "reference_number") : null;
            toPublish.Add(new ToPublish(releaseId, at, number));
        }
        else if (status != ReleaseStatus.Scheduled)
        {
            var scheduled = await operations.Workflow.ScheduleAsync(Importer, releaseId, at, ct);
            if (NeedsReview(scheduled))
            {
                await operations.Workflow.SubmitForReviewAsync(Importer, releaseId, ct);
                await operations.Workflow.ScheduleAsync(Importer, releaseId, at, ct);
            }
        }
    }

    private static bool NeedsReview(Outcome outcome) => ArchivePublication.NeedsReview(outcome);

    /// <summary>
    /// Publishes the items public on the K2 site, oldest first, so that numbers given in the office's pattern follow
    /// their original dates; each appears on the site whole, with its media and comments. Many to a transaction: a
    /// batch appears at once, indexed for search, and the caches hear of it once.
    /// </summary>
    public Task PublishAsync(CancellationToken ct) => options.DryRun
        ? Task.CompletedTask
        : ArchivePublication.PublishAllAsync(db, operations, writes, Importer, toPublish, options.Numbers, report, progress, ct);
}
