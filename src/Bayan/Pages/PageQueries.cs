using Bayan.Data;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Pages;

/// <summary>A static page in one language, as readers see it.</summary>
public sealed record PageTranslation(string Language, string Slug);

/// <summary>What readers see of static pages: a page by its slug in a language, and its translations.</summary>
public sealed class PageQueries(BayanDb db)
{
    public async Task<StaticPage?> WithSlugAsync(string lang, string slug, CancellationToken ct) =>
        Slug.IsWellFormed(slug)
            ? await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Language == lang && p.Slug == slug, ct)
            : null;

    /// <summary>The page in every language it has (itself included).</summary>
    public Task<List<PageTranslation>> TranslationsAsync(StaticPage page, CancellationToken ct) =>
        db.Pages.AsNoTracking().Where(p => p.Key == page.Key)
            .Select(p => new PageTranslation(p.Language, p.Slug)).ToListAsync(ct);

    /// <summary>Every page in every language, by key, then language.</summary>
    public Task<List<StaticPage>> AllAsync(CancellationToken ct) =>
        db.Pages.AsNoTracking().OrderBy(p => p.Key).ThenBy(p => p.Language).ToListAsync(ct);
}
