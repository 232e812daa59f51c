using Bayan.Accounts;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>A release as its editors see it: every version's text, the text held for review, and each version's latest revision number.</summary>
public sealed record EditedRelease(Release Release, IReadOnlyList<HeldEdit> Held, IReadOnlyDictionary<int, int> LatestRevision);

/// <summary>One revision of a language version, as a list of them shows it.</summary>
public sealed record RevisionEntry(int Number, string Title, string Author, DateTime CreatedAt);

/// <summary>What the back office and the API read of releases being edited; the actor's visibility lives in each query.</summary>
public sealed class EditingQueries(BayanDb db)
{
    /// <summary>The release, or null when it does not exist or the actor may not see it (the two look alike to a caller).</summary>
    public async Task<EditedRelease?> ReleaseAsync(Actor actor, int releaseId, CancellationToken ct)
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

    /// <summary>The revisions of one language version, newest first; null when the release or version is not there for the actor.</summary>
    public async Task<IReadOnlyList<RevisionEntry>?> RevisionsAsync(Actor actor, int releaseId, string language, CancellationToken ct)
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
