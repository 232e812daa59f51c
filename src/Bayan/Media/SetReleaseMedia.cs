using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Media;

/// <summary>
/// Chooses a release's featured image and its attachments from the media library; editors of its office.
/// Given the release's revision the caller saw (the API's If-Match), a release changed since is stale.
/// </summary>
public sealed class SetReleaseMedia(BayanDb db, TimeProvider clock, IContentChanges changes, WebhookEvents webhooks)
{
    public async Task<Outcome> RunAsync(
        Actor actor, int releaseId, Guid? featured, IReadOnlyList<Guid> attachments, CancellationToken ct, int? expectedRevision = null)
    {
        var release = await db.Releases.Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return new Outcome.NotFound();
        if (!actor.CanChangeDetails(release))
            return new Outcome.Forbidden();
        if (expectedRevision is { } expected && expected != release.Revision)
            return new Outcome.Stale(release.Revision);
        var wanted = attachments.Distinct().ToList();
        var ids = featured is { } f ? [.. wanted, f] : wanted;
        var items = await db.Media.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        if (ids.Any(id => !items.ContainsKey(id)))
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["media"] = new("media_unknown") });
        if (featured is { } image && items[image].Width is null)
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["media"] = new("media_featured_not_image") });

        release.FeaturedImage = featured is { } chosen ? DisplayUrl(items[chosen]) : null;
        release.Attachments.Clear();
        release.Attachments.AddRange(wanted.Select((id, i) => new ReleaseAttachment { ReleaseId = releaseId, MediaId = id, Position = i }));
        var now = clock.GetUtcNow().UtcDateTime;
        release.UpdatedAt = now;
        AuditLog.Record(db, now, actor.Name, "release.media-changed", $"release:{releaseId}",
            $"featured {(featured?.ToString() ?? "none")}; attachments {wanted.Count}");
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (!await Releases.ReleaseRevisions.MoveAsync(db, releaseId, expectedRevision, ct))
            return await Releases.ReleaseRevisions.StaleAsync(db, transaction, releaseId, ct);
        if (release.Status == ReleaseStatus.Published)
            await webhooks.ReleaseAsync(WebhookEventTypes.ReleaseUpdated, release, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Release(releaseId));
        return new Outcome.Done(releaseId, new Problem("media_saved"));
    }

    /// <summary>A page shows an image at most about 960 pixels wide: the rendition closest to that, else the original.</summary>
    public static string DisplayUrl(MediaItem item)
    {
        var renditions = item.Renditions.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(' '))
            .Where(p => p.Length == 2 && int.TryParse(p[1].TrimEnd('w'), out _))
            .Select(p => (Url: p[0], Width: int.Parse(p[1].TrimEnd('w'))))
            .ToList();
        return renditions.Where(r => r.Width <= 960).OrderByDescending(r => r.Width).Select(r => r.Url).FirstOrDefault()
            ?? renditions.OrderBy(r => r.Width).Select(r => r.Url).FirstOrDefault()
            ?? item.Url;
    }
}
