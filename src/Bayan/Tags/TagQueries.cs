using System.Globalization;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tags;

/// <summary>
/// The tags a reader may see: those of at least one release visible now, with their names. A tag
/// carried only by an embargoed or unpublished release would tell of it before its time, so it is left out.
/// </summary>
public sealed class TagQueries(BayanDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Tag>> VisibleAsync(CancellationToken ct) =>
        await Visible().Include(t => t.Names).OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>The visible tag with this id, or with this slug in any language; null when there is none.</summary>
    public Task<Tag?> FindVisibleAsync(string idOrSlug, CancellationToken ct) =>
        int.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Visible().FirstOrDefaultAsync(t => t.Id == id, ct)
            : Visible().FirstOrDefaultAsync(t => t.Names.Any(n => n.Slug == idOrSlug), ct);

    private IQueryable<Tag> Visible()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var releases = db.Releases.VisibleAt(now);
        return db.Tags.AsNoTracking().Where(t => releases.Any(r => r.Tags.Any(x => x.Id == t.Id)));
    }
}
