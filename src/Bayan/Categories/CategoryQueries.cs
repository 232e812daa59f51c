using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Categories;

/// <summary>What readers see of a category: the releases filed under it or its subcategories, in one language.</summary>
public sealed class CategoryQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    /// <summary>Whether any is visible: a category showing nothing answers as an unknown one (see <see cref="Listing"/>).</summary>
    public Task<bool> IsEmptyAsync(SiteSnapshot site, string lang, Category category, CategoryName name, CancellationToken ct) =>
        Listing.IsEmptyAsync(Releases(site, lang, category), site, SiteUrls.Category(lang, name.Slug), facts, ct);

    /// <summary>Null when the listing has no such page.</summary>
    /// <param name="name">The category's name in <paramref name="lang"/>.</param>
    public Task<Listing?> ReleasesAsync(SiteSnapshot site, string lang, Category category, CategoryName name, int page, CancellationToken ct) =>
        Listing.LoadAsync(Releases(site, lang, category), page, site, lang, SiteUrls.Category(lang, name.Slug), facts, ct);

    private IQueryable<ReleaseVersion> Releases(SiteSnapshot site, string lang, Category category)
    {
        var ids = site.WithChildren(category.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ReleaseVersions.VisibleAt(now)
            .Where(v => v.Language == lang && v.Release.Categories.Any(c => ids.Contains(c.Id)));
    }
}
