using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>
/// Public queries read only a page's own rows; the office and category names around them come from
/// the <see cref="SiteSnapshot"/>, which every page has already, instead of being joined in again.
/// </summary>
internal static class SnapshotQueries
{
    /// <summary>Versions with their release; <see cref="WithSiteData(IReadOnlyList{ReleaseVersion}, SiteSnapshot)"/> gives them their offices.</summary>
    public static IQueryable<ReleaseVersion> WithRelease(this IQueryable<ReleaseVersion> versions) =>
        versions.AsNoTracking().Include(v => v.Release);

    /// <summary>
    /// A release with everything its page shows, in two queries: its filing and attachments joined
    /// (a few short rows), then its versions with their bodies, which a join would repeat on every row.
    /// Only the category ids of its filing are read; the snapshot names them.
    /// </summary>
    public static async Task<Release?> ForPageAsync(this IQueryable<Release> releases, int id, SiteSnapshot site, CancellationToken ct)
    {
        var release = await releases.AsNoTracking()
            .Include(r => r.Categories)
            .Include(r => r.Tags)
            .Include(r => r.Attachments).ThenInclude(a => a.Media)
            .AsSingleQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (release is null)
            return null;
        release.Versions = await releases.Where(r => r.Id == id).SelectMany(r => r.Versions).AsNoTracking().ToListAsync(ct);
        foreach (var version in release.Versions)
            version.Release = release;
        return release.WithSiteData(site);
    }

    public static T WithSiteData<T>(this T versions, SiteSnapshot site) where T : IReadOnlyList<ReleaseVersion>
    {
        foreach (var version in versions)
            version.Release.WithSiteData(site);
        return versions;
    }

    /// <summary>Gives a release read without joins its office, and its categories their names, from the snapshot.</summary>
    public static Release WithSiteData(this Release release, SiteSnapshot site)
    {
        release.Office = site.OfficeWithId(release.OfficeId);
        if (release.Categories.Count > 0)
            release.Categories = [.. release.Categories.Select(c => site.CategoryWithId(c.Id) ?? c)];
        return release;
    }
}
