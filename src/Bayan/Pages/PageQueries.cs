using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Pages;

/// <summary>A static page without its text, as a list of pages shows it.</summary>
public sealed record PageEntry(string Key, string Language, string Slug, string Title, DateTime UpdatedAt);

/// <summary>The static pages (About, Contact) as readers see them (every one is public once saved), and as the back office manages them.</summary>
public sealed class PageQueries(BayanDb db)
{
    public async Task<IReadOnlyList<PageEntry>> ListAsync(string? language, CancellationToken ct)
    {
        var pages = db.Pages.AsNoTracking();
        if (language is not null)
            pages = pages.Where(p => p.Language == language);
        return await pages.OrderBy(p => p.Key).ThenBy(p => p.Language)
            .Select(p => new PageEntry(p.Key, p.Language, p.Slug, p.Title, p.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The page with this address in this language, null when there is none.</summary>
    public Task<StaticPage?> FindAsync(string language, string slug, CancellationToken ct) =>
        db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Language == language && p.Slug == slug, ct);

    /// <summary>The page in every language it is written in.</summary>
    public async Task<IReadOnlyList<PageEntry>> TranslationsAsync(string key, CancellationToken ct) =>
        await db.Pages.AsNoTracking().Where(p => p.Key == key).OrderBy(p => p.Language)
            .Select(p => new PageEntry(p.Key, p.Language, p.Slug, p.Title, p.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>Every page in every language with its text, by key, then language: what the back office edits.</summary>
    public Task<List<StaticPage>> AllAsync(CancellationToken ct) =>
        db.Pages.AsNoTracking().OrderBy(p => p.Key).ThenBy(p => p.Language).ToListAsync(ct);
}
