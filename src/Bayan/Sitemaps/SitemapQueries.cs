using Bayan.Data;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Sitemaps;

/// <summary>
/// What the sitemaps list: a language's pages, each with its language versions as hreflang alternates,
/// and the releases of the last two days for news search. Only visible releases appear, as everywhere else.
/// </summary>
/// <remarks>Addresses are absolute: each begins with the origin given (the configured public address, else a request's).</remarks>
public sealed class SitemapQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    /// <summary>
    /// Releases per sitemap file. The protocol allows 50,000 addresses or 50 MB; an address with six
    /// percent-encoded Arabic alternates can take 8 KB, so files stay well below both.
    /// </summary>
    public const int ReleasesPerFile = 5000;

    /// <summary>News sitemaps take the last two days and at most a thousand addresses.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);
    public const int NewsLimit = 1000;

    /// <summary>Every language's files, and the news sitemap, each with when it last changed.</summary>
    public async Task<List<SitemapFile>> IndexAsync(SiteSnapshot site, string origin, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A scan of every visible release: kept until one changes.
        var languages = await facts.GetAsync(site, "sitemap languages", ct => db.ReleaseVersions.VisibleAt(now)
            .GroupBy(v => v.Language)
            .Select(g => new LanguageStats
            {
                Language = g.Key,
                Count = g.Count(),
                Published = g.Max(v => v.Release.PublishAt),
                Edited = g.Max(v => v.UpdatedAt),
                Corrected = g.Max(v => v.Release.CorrectedAt),
            })
            .ToListAsync(ct), ct);

        var files = new List<SitemapFile>();
        foreach (var language in site.Languages)
        {
            var stats = languages.FirstOrDefault(l => l.Language == language.Code);
            var changed = stats is null ? (DateTime?)null : Latest(stats.Published, stats.Edited, stats.Corrected);
            // Every file of a language changes with its newest release: the first lists the language's home page.
            for (var page = 1; page <= FileCount(stats?.Count ?? 0); page++)
                files.Add(new SitemapFile(SiteUrls.Absolute(origin, SiteUrls.Sitemap(language.Code, page)), changed));
        }
        var newest = languages.Where(l => site.IsEnabled(l.Language)).Select(l => l.Published).Max();
        files.Add(new SitemapFile(SiteUrls.Absolute(origin, SiteUrls.NewsSitemap), newest));
        return files;
    }

    /// <summary>File <paramref name="page"/> of a language's sitemap; null when the language has no such file.</summary>
    public async Task<List<SitemapUrl>?> LanguageAsync(SiteSnapshot site, string lang, int page, string origin, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inLanguage = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
        if (page > FileCount(await facts.GetAsync(site, $"sitemap count {lang}", inLanguage.CountAsync, ct)))
            return null;

        var urls = new List<SitemapUrl>();
        if (page == 1)
            urls.AddRange(await ListingPagesAsync(origin, site, lang, inLanguage, ct));
        urls.AddRange(await ReleasesAsync(origin, site, lang, inLanguage, page, ct));
        return urls;
    }

    /// <summary>The releases of the last two days, newest first, in the site's languages.</summary>
    public async Task<List<NewsUrl>> NewsAsync(SiteSnapshot site, string origin, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - NewsWindow;
        var enabled = site.Languages.Select(l => l.Code).ToList();
        var recent = await db.ReleaseVersions.VisibleAt(now)
            .Where(v => v.Release.PublishAt >= since && enabled.Contains(v.Language))
            // The languages of one release come in the order of their ids: the same on every database, and at every request.
            .OrderByDescending(v => v.Release.PublishAt).ThenByDescending(v => v.ReleaseId).ThenBy(v => v.Id).Take(NewsLimit)
            .Select(v => new { v.ReleaseId, v.Language, v.Title, v.Slug, Office = v.Release.Office.Code, v.Release.PublishAt })
            .ToListAsync(ct);
        return [.. recent.Select(r => new NewsUrl(
            SiteUrls.Absolute(origin, SiteUrls.Release(r.Language, r.Office, r.ReleaseId, r.Slug)),
            site.In(r.Language).SiteName,
            r.Language,
            r.PublishAt!.Value,
            r.Title))];
    }

    /// <summary>The language's home page, every office's page, its categories and static pages.</summary>
    private async Task<List<SitemapUrl>> ListingPagesAsync(
        string origin, SiteSnapshot site, string lang, IQueryable<ReleaseVersion> inLanguage, CancellationToken ct)
    {
        string Absolute(string path) => SiteUrls.Absolute(origin, path);
        var perOffice = await inLanguage.GroupBy(v => v.Release.OfficeId)
            .Select(g => new { Office = g.Key, Newest = g.Max(v => v.Release.PublishAt) })
            .ToDictionaryAsync(o => o.Office, o => o.Newest, ct);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Position).ThenBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
        var categories = await db.CategoryNames.AsNoTracking().Select(n => new { n.CategoryId, n.Language, n.Slug }).ToListAsync(ct);
        var pages = await db.Pages.AsNoTracking().Select(p => new { p.Key, p.Language, p.Slug, p.UpdatedAt }).ToListAsync(ct);

        var urls = new List<SitemapUrl>
        {
            Url(lang, perOffice.Values.Max(), site.Languages.Select(l => (l.Code, Absolute(SiteUrls.Home(l.Code))))),
        };
        urls.AddRange(offices.Select(o => Url(lang, perOffice.GetValueOrDefault(o.Id),
            site.Languages.Select(l => (l.Code, Absolute(SiteUrls.Office(l.Code, o.Code)))))));
        urls.AddRange(categories.GroupBy(n => n.CategoryId)
            .Where(g => g.Any(n => n.Language == lang))
            .OrderBy(g => g.Key)
            .Select(g => Url(lang, null, Ordered(site, g.Select(n => (n.Language, Absolute(SiteUrls.Category(n.Language, n.Slug))))))));
        urls.AddRange(pages.GroupBy(p => p.Key)
            .Where(g => g.Any(p => p.Language == lang))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Url(lang, g.Single(p => p.Language == lang).UpdatedAt,
                Ordered(site, g.Select(p => (p.Language, Absolute(SiteUrls.Page(p.Language, p.Slug))))))));
        return urls;
    }

    /// <summary>One file's releases, oldest first, so that earlier files stay the same as the site grows.</summary>
    private async Task<List<SitemapUrl>> ReleasesAsync(
        string origin, SiteSnapshot site, string lang, IQueryable<ReleaseVersion> inLanguage, int page, CancellationToken ct)
    {
        var ids = inLanguage.OrderBy(v => v.ReleaseId).Skip((page - 1) * ReleasesPerFile).Take(ReleasesPerFile).Select(v => v.ReleaseId);
        // Every version of those releases (the releases are visible, so are their versions): the alternates.
        var versions = await db.ReleaseVersions.Where(v => ids.Contains(v.ReleaseId))
            .Select(v => new { v.ReleaseId, v.Language, v.Slug, v.UpdatedAt, Office = v.Release.Office.Code, v.Release.PublishAt, v.Release.CorrectedAt })
            .ToListAsync(ct);
        return [.. versions.GroupBy(v => v.ReleaseId).OrderBy(g => g.Key).Select(g =>
        {
            var own = g.Single(v => v.Language == lang);
            return Url(lang, Latest(own.PublishAt, own.UpdatedAt, own.CorrectedAt),
                Ordered(site, g.Select(v => (v.Language, SiteUrls.Absolute(origin, SiteUrls.Release(v.Language, v.Office, v.ReleaseId, v.Slug))))));
        })];
    }

    /// <summary>The address in <paramref name="lang"/>, listing every language version (itself included) as an alternate.</summary>
    private static SitemapUrl Url(string lang, DateTime? lastModified, IEnumerable<(string Language, string Location)> versions)
    {
        var alternates = versions.Select(v => new SitemapAlternate(v.Language, v.Location)).ToList();
        return new SitemapUrl(alternates.Single(a => a.Language == lang).Location, lastModified, alternates);
    }

    /// <summary>Versions in the site's languages, in the site's order.</summary>
    private static IEnumerable<(string, string)> Ordered(SiteSnapshot site, IEnumerable<(string Language, string Location)> versions)
    {
        var list = versions.ToList();
        return site.Languages.SelectMany(l => list.Where(v => v.Language == l.Code));
    }

    private static int FileCount(int releases) => Math.Max(1, (releases + ReleasesPerFile - 1) / ReleasesPerFile);

    private static DateTime? Latest(params DateTime?[] instants) => instants.Max();

    private sealed class LanguageStats
    {
        public required string Language { get; init; }
        public int Count { get; init; }
        public DateTime? Published { get; init; }
        public DateTime Edited { get; init; }
        public DateTime? Corrected { get; init; }
    }
}
