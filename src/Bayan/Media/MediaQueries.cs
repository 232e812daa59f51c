using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Media;

/// <summary>The media library as the back office browses it.</summary>
public sealed class MediaQueries(BayanDb db)
{
    /// <summary>Page <paramref name="page"/> of uploads, newest first; one more than <paramref name="size"/> is read, so the caller knows whether more follow.</summary>
    public Task<List<MediaItem>> PageAsync(int page, int size, CancellationToken ct) =>
        db.Media.AsNoTracking().OrderByDescending(m => m.CreatedAt)
            .Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);

    /// <summary>What a release may pick from: the newest uploads, and whatever it already uses, newest first.</summary>
    public async Task<List<MediaItem>> ChoicesForAsync(IReadOnlyList<Guid> used, string? featuredImage, CancellationToken ct)
    {
        var ids = used.ToList();
        var items = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id) || m.Url == featuredImage)
            .Concat(db.Media.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(48))
            .ToListAsync(ct);
        return [.. items.DistinctBy(m => m.Id).OrderByDescending(m => m.CreatedAt)];
    }

    /// <summary>One item with its texts; null when there is none or the actor does not work with media (editors and administrators do).</summary>
    public async Task<MediaItem?> ItemAsync(Actor actor, Guid id, CancellationToken ct) =>
        actor.IsEditor ? await db.Media.AsNoTracking().Include(m => m.Texts).FirstOrDefaultAsync(m => m.Id == id, ct) : null;
}
