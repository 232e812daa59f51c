using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>Where a release is filed: its status, office, categories and tags (what decides which listings show it).</summary>
public sealed record ReleaseFiling(ReleaseStatus Status, int OfficeId, IReadOnlyList<int> Categories, IReadOnlyList<int> Tags);

public sealed class FilingQueries(BayanDb db)
{
    /// <summary>The release's filing as saved now; null when it is gone.</summary>
    public async Task<ReleaseFiling?> OfAsync(int releaseId, CancellationToken ct)
    {
        var release = await db.Releases.AsNoTracking().Where(r => r.Id == releaseId)
            .Select(r => new
            {
                r.Status,
                r.OfficeId,
                Categories = r.Categories.Select(c => c.Id).ToList(),
                Tags = r.Tags.Select(t => t.Id).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return release is null ? null : new ReleaseFiling(release.Status, release.OfficeId, release.Categories, release.Tags);
    }
}
