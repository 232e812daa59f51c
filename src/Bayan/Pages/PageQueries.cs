using Bayan.Data;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Pages;

/// <summary>A static page without its text, as a list of pages shows it.</summary>
public sealed record PageEntry(string Key, string Language, string Slug, string Title, DateTime UpdatedAt);

/// <summary>A static page in one language, as readers see it.</summary>
public sealed record PageTranslation(string Language, string Slug);

/// <summary>The static pages (About, Contact) as readers see them: every one is public once saved.</summary>
public sealed class PageQueries(BayanDb db)
{
    /// <summary>The page with this address in this language, null when there is none.</summary>
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

    /// <summary>The pages of one language, or of all when <paramref name="language"/> is null, without their text.</summary>
    public async Task<IReadOnlyList<PageEntry>> ListAsync(string? language, CancellationToken ct)
    {
        var pages = db.Pages.AsNoTracking();
        if (language is not null)
            pages = pages.Where(p => p.Language == language);
        return await pages.OrderBy(p => p.Key).ThenBy(p => p.Language)
            .Select(p => new PageEntry(p.Key, p.Language, p.Slug, p.Title, p.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The entries of a page in every language it is written in.</summary>
    public async Task<IReadOnlyList<PageEntry>> EntriesAsync(string key, CancellationToken ct) =>
        await db.Pages.AsNoTracking().Where(p => p.Key == key).OrderBy(p => p.Language)
            .Select(p => new PageEntry(p.Key, p.Language, p.Slug, p.Title, p.UpdatedAt))
            .ToListAsync(ct);
}
