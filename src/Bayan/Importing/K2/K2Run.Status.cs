using Bayan.Operations;
using Bayan.Releases;

namespace Bayan.Importing.K2;

internal sealed partial class K2Run
{
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
        var number = options.Numbers == NumberChoice.Keep ? K2Content.ExtraField(item, scan.ExtraFieldNames, "reference_number") : null;
        await Archive.FollowStatusAsync(releaseId, ArchiveState.Public, item.PublishedAt, number, known, ct);
    }

    /// <summary>
    /// Publishes the items public on the K2 site, oldest first, so that numbers given in the office's pattern follow
    /// their original dates; each appears on the site whole, with its media and comments. Many to a transaction: a
    /// batch appears at once, indexed for search, and the caches hear of it once.
    /// </summary>
    public Task PublishAsync(CancellationToken ct) => options.DryRun ? Task.CompletedTask : Archive.PublishAsync(options.Numbers, progress, ct);
}
