using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Offices;

/// <summary>
/// Offices as readers see them (an office's releases in one language, newest first) and as the back
/// office manages them (every office, its recorded Hijri month starts, its editors).
/// </summary>
public sealed class OfficeQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    /// <summary>Null when the listing has no such page.</summary>
    public Task<Listing?> ReleasesAsync(SiteSnapshot site, string lang, Office office, int page, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang && v.Release.OfficeId == office.Id);
        return Listing.LoadAsync(versions, page, site, lang, SiteUrls.Office(lang, office.Code), facts, ct);
    }

    /// <summary>Every office with its names, in the site's order (by position, then code).</summary>
    public Task<List<Office>> AllAsync(CancellationToken ct) =>
        db.Offices.AsNoTracking().Include(o => o.Names).OrderBy(o => o.Position).ThenBy(o => o.Code).ToListAsync(ct);

    /// <summary>The office with its names; null when there is none.</summary>
    public Task<Office?> WithIdAsync(int id, CancellationToken ct) =>
        db.Offices.AsNoTracking().Include(o => o.Names).FirstOrDefaultAsync(o => o.Id == id, ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Offices.AnyAsync(o => o.Id == id, ct);

    /// <summary>The Hijri month starts recorded for the office, newest first.</summary>
    public Task<List<HijriMonthStart>> MonthStartsAsync(int id, CancellationToken ct) =>
        db.HijriMonthStarts.AsNoTracking().Where(m => m.OfficeId == id)
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month).ToListAsync(ct);

    /// <summary>The names of the people who edit or write for the office.</summary>
    public Task<List<string>> EditorNamesAsync(int id, CancellationToken ct) =>
        db.UserOffices.Where(u => u.OfficeId == id)
            .Join(db.Users, u => u.UserId, u => u.Id, (_, u) => u.DisplayName).ToListAsync(ct);
}
