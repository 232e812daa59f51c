using Bayan.Accounts;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>
/// Releases as the back office reads them: only those the actor may see (<see cref="ActorQueries.VisibleTo"/>),
/// whatever their status, with their held edits and revisions.
/// </summary>
public sealed class EditingQueries(BayanDb db)
{
    /// <summary>
    /// Page <paramref name="page"/> of the releases the actor may see, newest change first, with their versions
    /// and office; one more than <paramref name="size"/> is read, so the caller knows whether more follow.
    /// </summary>
    public Task<List<Release>> ReleasesAsync(Actor actor, ReleaseStatus? status, int page, int size, CancellationToken ct)
    {
        var query = db.Releases.AsNoTracking().VisibleTo(actor);
        if (status is { } wanted)
            query = query.Where(r => r.Status == wanted);
        return query.Include(r => r.Versions).Include(r => r.Office).ThenInclude(o => o.Names)
            .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * size).Take(size + 1).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>A release with everything its back-office page shows; null when the actor may not see it.</summary>
    public Task<Release?> ReleaseAsync(Actor actor, int id, CancellationToken ct) =>
        db.Releases.AsNoTracking().VisibleTo(actor)
            .Include(r => r.Versions).Include(r => r.Office).ThenInclude(o => o.Names)
            .Include(r => r.Attachments).ThenInclude(a => a.Media)
            .Include(r => r.Categories).Include(r => r.Tags).ThenInclude(t => t.Names)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A release with its versions (and, asked for, its office); null when the actor may not see it.</summary>
    public Task<Release?> WithVersionsAsync(Actor actor, int id, CancellationToken ct, bool withOffice = false)
    {
        IQueryable<Release> query = db.Releases.AsNoTracking().VisibleTo(actor).Include(r => r.Versions);
        if (withOffice)
            query = query.Include(r => r.Office);
        return query.FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>The release's edits waiting for review, by language.</summary>
    public Task<List<HeldEdit>> HeldEditsAsync(int releaseId, CancellationToken ct) =>
        db.HeldEdits.AsNoTracking().Where(h => h.ReleaseId == releaseId).OrderBy(h => h.Language).ToListAsync(ct);

    public Task<HeldEdit?> HeldEditAsync(int releaseId, string lang, CancellationToken ct) =>
        db.HeldEdits.AsNoTracking().FirstOrDefaultAsync(h => h.ReleaseId == releaseId && h.Language == lang, ct);

    public Task<Revision?> RevisionAsync(int id, CancellationToken ct) =>
        db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Every saved revision of a language version, newest first.</summary>
    public Task<List<Revision>> RevisionsAsync(int versionId, CancellationToken ct) =>
        db.Revisions.AsNoTracking().Where(r => r.ReleaseVersionId == versionId).OrderByDescending(r => r.Number).ToListAsync(ct);
}
