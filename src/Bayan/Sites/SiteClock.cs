using System.Globalization;
using Bayan.Data;
using Bayan.Dates;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Sites;

/// <summary>
/// The site's clock as the back office shows it: its zone, and that zone's name in the reader's
/// language ("Makkah time", "بتوقيت مكة المكرمة"), else the zone's own name ("Asia/Riyadh").
/// </summary>
public sealed record SiteClock(TimeZoneInfo Zone, string Name)
{
    public static async Task<SiteClock> LoadAsync(BayanDb db, string language, CancellationToken ct)
    {
        var zoneId = await db.Sites.AsNoTracking().Select(s => s.TimeZone).FirstOrDefaultAsync(ct) ?? "UTC";
        var clockName = await db.SiteLanguages.AsNoTracking().Where(l => l.Code == language)
            .Select(l => l.ClockName).FirstOrDefaultAsync(ct);
        var zone = DateFormatter.FindZone(zoneId);
        return new SiteClock(zone, string.IsNullOrWhiteSpace(clockName) ? zone.Id : clockName.Trim());
    }

    /// <summary>"2026-12-07 15:20" on the site's clock; Western digits, read left to right.</summary>
    public string Format(DateTime utc, bool seconds = false) =>
        DateFormatter.ToLocal(utc, Zone).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant for a &lt;time datetime&gt; attribute, with the zone's offset.</summary>
    public string Iso(DateTime utc) =>
        DateFormatter.ToLocal(utc, Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
