using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>One page of a release listing, newest first.</summary>
public sealed record Listing(IReadOnlyList<ReleaseCard> Releases, Pager Pager, int Total)
{
    /// <summary>Null when the listing has no such page.</summary>
    /// <param name="path">The listing's address without its page: it names the listing's count in <paramref name="facts"/>.</param>
    public static async Task<Listing?> LoadAsync(
        IQueryable<ReleaseVersion> versions, int page, SiteSnapshot site, string lang, string path, ReleaseFacts facts, CancellationToken ct)
    {
        var size = site.Site.PageSize;
        // Counting a listing reads all its rows (ten thousand on a home page), a page of it only a few.
        var total = await facts.GetAsync(site, $"count {path}", versions.CountAsync, ct);
        if (!Pager.Exists(page, total, size))
            return null;
        var items = await versions.NewestFirst().Skip((page - 1) * size).Take(size).AsCards().ToListAsync(ct);
        return new Listing(
            [.. items.Select(v => ReleaseCard.From(v, site))],
            Pager.Create(path, page, total, size, lang),
            total);
    }

    public Dictionary<string, object?> ToValues() => new()
    {
        ["releases"] = Releases,
        ["pager"] = Pager,
        ["total"] = Total,
    };
}
