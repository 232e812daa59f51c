using Bayan.Data;
using Bayan.Media;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>
/// One release as its public address shows it, with every language version, its filing (category ids,
/// tags with their names), attachments and their files: a release visible now, or one that was
/// retracted (its address says so). Never a draft, one in review or a scheduled (embargoed) one.
/// The office and the category names are left for the caller to take from what it already holds.
/// </summary>
public sealed class PublicReleaseQuery(BayanDb db, TimeProvider clock)
{
    public Task<Release?> FindAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Releases.VisibleOrRetractedAt(now).WithPageData().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>
    /// The media item a featured image's address belongs to (its original or one of its renditions), for
    /// its sizes and every rendition; null for an address from outside the library.
    /// </summary>
    public async Task<MediaItem?> FeaturedMediaAsync(Release release, CancellationToken ct)
    {
        if (release.FeaturedImage is not { Length: > 0 } url)
            return null;
        var candidates = await db.Media.AsNoTracking()
            .Where(m => m.Url == url || m.Renditions.Contains(url))
            .ToListAsync(ct);
        return candidates.FirstOrDefault(m => m.Url == url || MediaRenditions.Of(m).Any(r => r.Url == url));
    }
}
