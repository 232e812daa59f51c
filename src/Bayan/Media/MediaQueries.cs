using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Media;

/// <summary>What callers read of the media library.</summary>
public sealed class MediaQueries(BayanDb db)
{
    /// <summary>One item with its texts; null when there is none or the actor does not work with media (editors and administrators do).</summary>
    public async Task<MediaItem?> ItemAsync(Actor actor, Guid id, CancellationToken ct) =>
        actor.IsEditor ? await db.Media.AsNoTracking().Include(m => m.Texts).FirstOrDefaultAsync(m => m.Id == id, ct) : null;
}
