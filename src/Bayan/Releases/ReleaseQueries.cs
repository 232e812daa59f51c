using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>The only way public code reads releases: what a reader may see at a given instant.</summary>
public static class ReleaseQueries
{
    public static IQueryable<Release> VisibleAt(this IQueryable<Release> releases, DateTime now) =>
        releases.Where(r => r.Status == ReleaseStatus.Published && r.PublishAt <= now);

    /// <summary>What a release's own address may show: a visible release, or the notice that one was retracted.</summary>
    public static IQueryable<Release> VisibleOrRetractedAt(this IQueryable<Release> releases, DateTime now) =>
        releases.Where(r => (r.Status == ReleaseStatus.Published && r.PublishAt <= now) || r.Status == ReleaseStatus.Retracted);

    public static IQueryable<ReleaseVersion> VisibleAt(this IQueryable<ReleaseVersion> versions, DateTime now) =>
        versions.Where(v => v.Release.Status == ReleaseStatus.Published && v.Release.PublishAt <= now);

    /// <summary>
    /// Versions of releases withdrawn by <paramref name="now"/>: never shown, only dated. A feed that
    /// lost a release has changed, and its Last-Modified must say so.
    /// </summary>
    public static IQueryable<DateTime?> RetractionTimes(this IQueryable<ReleaseVersion> versions, DateTime now) =>
        versions.Where(v => v.Release.Status == ReleaseStatus.Retracted && v.Release.RetractedAt <= now)
            .Select(v => v.Release.RetractedAt);

    /// <summary>Newest first; the id breaks ties so paging is stable.</summary>
    public static IQueryable<ReleaseVersion> NewestFirst(this IQueryable<ReleaseVersion> versions) =>
        versions.OrderByDescending(v => v.Release.PublishAt).ThenByDescending(v => v.ReleaseId);

    public static IQueryable<ReleaseVersion> WithListingData(this IQueryable<ReleaseVersion> versions) =>
        versions.AsNoTracking()
            .Include(v => v.Release).ThenInclude(r => r.Office).ThenInclude(o => o.Names)
            .Include(v => v.Release).ThenInclude(r => r.Office).ThenInclude(o => o.MonthStarts);
}
