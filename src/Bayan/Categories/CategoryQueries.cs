using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Categories;

/// <summary>A category named for a form: its id and its name in the reader's language (else its first).</summary>
public sealed record CategoryLabel(int Id, string Label);

/// <summary>
/// What readers see of a category (the releases filed under it or its subcategories, in one language),
/// and the categories as the back office offers them.
/// </summary>
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

    /// <summary>Every category by its name in <paramref name="lang"/> (else the first it has), by name.</summary>
    public async Task<List<CategoryLabel>> LabelsAsync(string lang, CancellationToken ct)
    {
        var names = await db.CategoryNames.AsNoTracking().ToListAsync(ct);
        return [.. names.GroupBy(n => n.CategoryId)
            .Select(g => new CategoryLabel(g.Key, (g.FirstOrDefault(n => n.Language == lang) ?? g.First()).Name))
            .OrderBy(c => c.Label)];
    }

    /// <summary>Every category with its names, by position.</summary>
    public Task<List<Category>> AllAsync(CancellationToken ct) =>
        db.Categories.AsNoTracking().Include(c => c.Names).OrderBy(c => c.Position).ToListAsync(ct);
}
