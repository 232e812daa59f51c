using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>One page of a release listing, newest first, as a public page shows it.</summary>
public sealed record Listing(IReadOnlyList<ReleaseCard> Releases, Pager Pager, int Total)
{
    /// <summary>Page <paramref name="page"/> of <paramref name="versions"/> (visible ones); null when the listing has no such page.</summary>
    /// <param name="path">The listing's address without its page: it names the listing's count in <paramref name="facts"/>.</param>
    internal static async Task<Listing?> LoadAsync(
        IQueryable<ReleaseVersion> versions, int page, SiteSnapshot site, string lang, string path, ReleaseFacts facts, CancellationToken ct)
    {
        var size = site.Site.PageSize;
        var total = await CountAsync(versions, site, path, facts, ct);
        if (!Pager.Exists(page, total, size))
            return null;
        var items = await versions.NewestFirst().Skip((page - 1) * size).Take(size).AsCards().ToListAsync(ct);
        return new Listing(
            [.. items.Select(v => ReleaseCard.From(v, site))],
            Pager.Create(path, page, total, size, lang),
            total);
    }

    /// <summary>
    /// Whether a listing shows nothing at all. A tag, category or month with nothing visible must answer as an
    /// unknown one does: a tag used only by an embargoed release would otherwise confirm the story to anyone guessing.
    /// </summary>
    internal static async Task<bool> IsEmptyAsync(
        IQueryable<ReleaseVersion> versions, SiteSnapshot site, string path, ReleaseFacts facts, CancellationToken ct) =>
        await CountAsync(versions, site, path, facts, ct) == 0;

    // Counting a listing reads all its rows (ten thousand on a home page), a page of it only a few; kept in the facts.
    private static Task<int> CountAsync(IQueryable<ReleaseVersion> versions, SiteSnapshot site, string path, ReleaseFacts facts, CancellationToken ct) =>
        facts.GetAsync(site, $"count {path}", versions.CountAsync, ct);
}
