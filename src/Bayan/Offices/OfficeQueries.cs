using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Offices;

/// <summary>What readers see of an office: its releases in one language, newest first.</summary>
public sealed class OfficeQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    /// <summary>Null when the listing has no such page.</summary>
    public Task<Listing?> ReleasesAsync(SiteSnapshot site, string lang, Office office, int page, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang && v.Release.OfficeId == office.Id);
        return Listing.LoadAsync(versions, page, site, lang, SiteUrls.Office(lang, office.Code), facts, ct);
    }
}
