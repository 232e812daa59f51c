using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Sites;

/// <summary>
/// The site's settings and languages as they are stored, for the back office and the command line
/// (public pages read the <see cref="SiteSnapshot"/> instead).
/// </summary>
public sealed class SiteQueries(BayanDb db)
{
    /// <summary>Whether the site's basics exist (a demo or the setup page made them).</summary>
    public Task<bool> ExistsAsync(CancellationToken ct) => db.Sites.AnyAsync(ct);

    /// <summary>The site; only asked for once it is set up.</summary>
    public Task<Site> SiteAsync(CancellationToken ct) => db.Sites.AsNoTracking().FirstAsync(ct);

    public Task<string> DefaultLanguageAsync(CancellationToken ct) => db.Sites.AsNoTracking().Select(s => s.DefaultLanguage).FirstAsync(ct);

    /// <summary>The site's languages in its order.</summary>
    public Task<List<SiteLanguage>> LanguagesAsync(CancellationToken ct) =>
        db.SiteLanguages.AsNoTracking().OrderBy(l => l.Position).ToListAsync(ct);

    /// <summary>The codes of the site's languages in its order.</summary>
    public Task<List<string>> LanguageCodesAsync(CancellationToken ct) =>
        db.SiteLanguages.AsNoTracking().OrderBy(l => l.Position).Select(l => l.Code).ToListAsync(ct);

    /// <summary>The site's clock, named in <paramref name="language"/>.</summary>
    public Task<SiteClock> ClockAsync(string language, CancellationToken ct) => SiteClock.LoadAsync(db, language, ct);

    public Task<bool> HasLanguageAsync(string code, CancellationToken ct) => db.SiteLanguages.AnyAsync(l => l.Code == code, ct);
}
