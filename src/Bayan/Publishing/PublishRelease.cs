using Bayan.Data;
using Bayan.Numbering;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Publishing;

public enum PublishOutcome
{
    Published,
    AlreadyPublished,
    NotFound,
}

/// <summary>
/// Publishes a release now: at its first publication it gets its reference number, in the same
/// transaction, so a number is never given to a release that did not get published.
/// </summary>
public sealed class PublishRelease(BayanDb db, TimeProvider clock)
{
    public async Task<PublishOutcome> RunAsync(int releaseId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var release = await db.Releases
            .Include(r => r.Office).ThenInclude(o => o.MonthStarts)
            .FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return PublishOutcome.NotFound;
        if (release.Status == ReleaseStatus.Published)
            return PublishOutcome.AlreadyPublished;

        var now = clock.GetUtcNow().UtcDateTime;
        await ReferenceNumbers.AssignAsync(db, release, now, ct);
        release.Status = ReleaseStatus.Published;
        release.PublishAt = now;
        release.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PublishOutcome.Published;
    }
}
