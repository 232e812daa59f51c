using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    /// <summary>Releases to publish at the end, each at its original time and with the number it brings (--numbers keep).</summary>
    private readonly List<ToPublish> toPublish = [];

    /// <summary>
    /// WordPress's status, never leaked: `publish` is published at the end (oldest first), `future` scheduled at its
    /// time, `pending` in review, `draft` a draft; `private` and password-protected posts stay drafts, listed in the report.
    /// </summary>
    private async Task FollowStatusAsync(int releaseId, WxrItem item, WxrPlannedItem plan, bool fresh, CancellationToken ct, ReleaseStatus? known = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = item.PostId.ToString();
        if (plan.Protected || plan.Status == "private")
        {
            if (fresh)
                report.NotPublic.Add(new ImportNote(ImportKinds.Post, id, new Problem(plan.Protected ? "import_password" : "import_private")));
            return;
        }
        if (options.DryRun)
            return;
        var status = known ?? await db.Releases.Where(r => r.Id == releaseId).Select(r => r.Status).FirstAsync(ct);
        if (status is ReleaseStatus.Published or ReleaseStatus.Retracted)
            return;
        var at = plan.PublishedUtc ?? now;
        switch (plan.Status)
        {
            case "publish":
            case "future" when at <= now:
                toPublish.Add(new ToPublish(releaseId, at, options.Numbers == NumberChoice.Keep ? item.MetaValue("reference_number")?.Trim() : null));
                break;
            case "future" when status != ReleaseStatus.Scheduled:
                var scheduled = await operations.Workflow.ScheduleAsync(Importer, releaseId, at, ct);
                if (NeedsReview(scheduled))
                {
                    await operations.Workflow.SubmitForReviewAsync(Importer, releaseId, ct);
                    await operations.Workflow.ScheduleAsync(Importer, releaseId, at, ct);
                }
                break;
            case "pending" when status == ReleaseStatus.Draft:
                await operations.Workflow.SubmitForReviewAsync(Importer, releaseId, ct);
                break;
        }
    }

    private static bool NeedsReview(Outcome outcome) => ArchivePublication.NeedsReview(outcome);

    /// <summary>
    /// Publishes the releases that were published on WordPress, oldest first, so that numbers given in the office's
    /// pattern follow their original dates; each appears on the site whole, with its translations, media and comments.
    /// Many to a transaction: a batch appears at once, indexed for search, and the caches hear of it once.
    /// </summary>
    public Task PublishAsync(CancellationToken ct) => options.DryRun
        ? Task.CompletedTask
        : ArchivePublication.PublishAllAsync(db, operations, batch, Importer, toPublish, options.Numbers, report, progress, ct);
}
