using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Releases;

/// <summary>
/// A release's revision: a number that every saved change of the release or of its language
/// versions moves by one, whoever makes it (back office, API, scheduler). The API gives it as the
/// release's ETag, and a change that names an older one is refused and changes nothing.
/// </summary>
public static class ReleaseRevisions
{
    /// <summary>
    /// Moves the revision by one, inside the caller's transaction and before its change is saved;
    /// with <paramref name="expected"/>, only from that revision. False when the release is at another
    /// one (someone changed it since) or gone: roll back then.
    /// One conditional update: on PostgreSQL its row lock holds off every other change of the release
    /// until the caller commits, on SQLite the write lock does.
    /// </summary>
    public static async Task<bool> MoveAsync(BayanDb db, int releaseId, int? expected, CancellationToken ct)
    {
        var releases = db.Releases.Where(r => r.Id == releaseId);
        if (expected is { } seen)
            releases = releases.Where(r => r.Revision == seen);
        return await releases.ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), ct) == 1;
    }

    public static Task<int> CurrentAsync(BayanDb db, int releaseId, CancellationToken ct) =>
        db.Releases.Where(r => r.Id == releaseId).Select(r => r.Revision).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The answer when <see cref="MoveAsync"/> found the release changed since the caller saw it:
    /// nothing of the caller's change stays (the transaction is rolled back and the tracked entities
    /// forgotten), and the caller learns the revision it should have named.
    /// </summary>
    public static async Task<Outcome> StaleAsync(BayanDb db, IDbContextTransaction transaction, int releaseId, CancellationToken ct)
    {
        await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome.Stale(await CurrentAsync(db, releaseId, ct));
    }
}
