using Bayan.Data;
using Bayan.Dates;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.PublicSite;

/// <summary>The site's settings as one request sees them.</summary>
public sealed record SiteSnapshot(Site Site, IReadOnlyList<SiteLanguage> Languages, TimeZoneInfo Zone)
{
    public SiteDates Dates { get; } = new(Site, Zone);

    public bool IsEnabled(string? language) => Languages.Any(l => l.Code == language);

    public SiteLanguage In(string language) =>
        Languages.FirstOrDefault(l => l.Code == language) ?? Languages[0];

    /// <summary>The reader's first acceptable language that the site has, else the site's default.</summary>
    public string BestLanguageFor(IEnumerable<StringWithQualityHeaderValue> accepted)
    {
        foreach (var choice in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            var tag = choice.Value.Value?.ToLowerInvariant() ?? "";
            var primary = tag.Split('-')[0];
            if (IsEnabled(tag))
                return tag;
            if (IsEnabled(primary))
                return primary;
        }
        return Site.DefaultLanguage;
    }
}

/// <summary>Loads the site's settings once per request; null until the site has been set up.</summary>
public sealed class SiteReader(BayanDb db)
{
    private SiteSnapshot? loaded;

    public async Task<SiteSnapshot?> LoadAsync(CancellationToken ct)
    {
        if (loaded is not null)
            return loaded;
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Site.SingletonId, ct);
        if (site is null)
            return null;
        var languages = await db.SiteLanguages.AsNoTracking().OrderBy(l => l.Position).ToListAsync(ct);
        if (languages.Count == 0)
            return null;
        return loaded = new SiteSnapshot(site, languages, DateFormatter.FindZone(site.TimeZone));
    }
}
