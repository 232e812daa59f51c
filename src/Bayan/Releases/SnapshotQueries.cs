using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>
/// Public queries read only a page's own rows; the office and category names around them come from
/// the <see cref="SiteSnapshot"/>, which every page has already, instead of being joined in again.
/// </summary>
public static class SnapshotQueries
{
    /// <summary>Versions with their release; <see cref="WithSiteData(IReadOnlyList{ReleaseVersion}, SiteSnapshot)"/> gives them their offices.</summary>
    public static IQueryable<ReleaseVersion> WithRelease(this IQueryable<ReleaseVersion> versions) =>
        versions.AsNoTracking().Include(v => v.Release);

    /// <summary>A release with everything its page shows; only the category ids of its filing are read.</summary>
    public static IQueryable<Release> WithPageData(this IQueryable<Release> releases) =>
        releases.AsNoTracking()
            .Include(r => r.Versions)
            .Include(r => r.Categories)
            .Include(r => r.Tags).ThenInclude(t => t.Names)
            .Include(r => r.Attachments).ThenInclude(a => a.Media)
            .AsSplitQuery();

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
