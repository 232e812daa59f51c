using Bayan.Accounts;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>A release as its editors see it: every version's text, the text held for review, and each version's latest revision number.</summary>
public sealed record EditedRelease(Release Release, IReadOnlyList<HeldEdit> Held, IReadOnlyDictionary<int, int> LatestRevision);

/// <summary>One revision of a language version, as a list of them shows it.</summary>
public sealed record RevisionEntry(int Number, string Title, string Author, DateTime CreatedAt);

/// <summary>
/// Releases as the back office and the API read them: only those the actor may see (<see cref="ActorQueries.VisibleTo"/>),
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

    /// <summary>The release, or null when it does not exist or the actor may not see it (the two look alike to a caller).</summary>
    public async Task<EditedRelease?> EditedAsync(Actor actor, int releaseId, CancellationToken ct)
    {
        var release = await db.Releases.AsNoTracking().AsSplitQuery().VisibleTo(actor)
            .Include(r => r.Office)
            .Include(r => r.Versions)
            .Include(r => r.Categories)
            .Include(r => r.Tags).ThenInclude(t => t.Names)
            .Include(r => r.Attachments.OrderBy(a => a.Position))
            .FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return null;
        var held = await db.HeldEdits.AsNoTracking().Where(h => h.ReleaseId == releaseId).ToListAsync(ct);
        var versionIds = release.Versions.Select(v => v.Id).ToList();
        var latest = await db.Revisions.Where(r => versionIds.Contains(r.ReleaseVersionId))
            .GroupBy(r => r.ReleaseVersionId).Select(g => new { g.Key, Number = g.Max(r => r.Number) })
            .ToDictionaryAsync(x => x.Key, x => x.Number, ct);
        return new EditedRelease(release, held, latest);
    }

    /// <summary>
    /// What a save of one language version takes as "what I saw" when its caller (the API) has only the
    /// release's revision: the version's own counter and the stamp of its held edit, as they stand now.
    /// Nothing here is shown to the caller; the save itself checks who may touch the release.
    /// </summary>
    public async Task<(int? Concurrency, string? HeldStamp)> VersionStampsAsync(int releaseId, string language, CancellationToken ct)
    {
        var concurrency = await db.ReleaseVersions.Where(v => v.ReleaseId == releaseId && v.Language == language)
            .Select(v => (int?)v.ConcurrencyVersion).FirstOrDefaultAsync(ct);
        var held = await HeldEditAsync(releaseId, language, ct);
        return (concurrency, held is null ? null : SaveVersion.HeldStamp(held));
    }

    /// <summary>The revisions of one language version, newest first; null when the release or version is not there for the actor.</summary>
    public async Task<IReadOnlyList<RevisionEntry>?> RevisionEntriesAsync(Actor actor, int releaseId, string language, CancellationToken ct)
    {
        if (!await db.Releases.VisibleTo(actor).AnyAsync(r => r.Id == releaseId, ct))
            return null;
        var versionId = await db.ReleaseVersions.Where(v => v.ReleaseId == releaseId && v.Language == language)
            .Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (versionId is null)
            return null;
        return await db.Revisions.AsNoTracking().Where(r => r.ReleaseVersionId == versionId)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionEntry(r.Number, r.Title, r.Author, r.CreatedAt))
            .ToListAsync(ct);
    }
}
