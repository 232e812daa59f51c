using Bayan.Categories;
using Bayan.Data;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Feeds;

/// <summary>
/// What a feed holds: the newest visible releases of one language (with their office and categories)
/// and the dates its Last-Modified must follow.
/// </summary>
/// <param name="Retracted">The latest withdrawal of one of its releases: a feed that lost one has changed.</param>
/// <param name="AnyChange">The latest change to any visible release of the language (see <see cref="FeedQueries"/>).</param>
public sealed record FeedReleases(IReadOnlyList<ReleaseVersion> Newest, DateTime? Retracted, DateTime? AnyChange);

/// <summary>The feeds of the site, of an office and of a category (with its subcategories), in one language.</summary>
public sealed class FeedQueries(BayanDb db, ReleaseFacts facts, TimeProvider clock)
{
    public const int Size = 30;

    public Task<FeedReleases> SiteAsync(SiteSnapshot site, string lang, CancellationToken ct) =>
        ReadAsync(site, lang, SiteUrls.Home(lang), v => v, ct);

    public Task<FeedReleases> OfficeAsync(SiteSnapshot site, string lang, Office office, CancellationToken ct) =>
        ReadAsync(site, lang, SiteUrls.Office(lang, office.Code), v => v.Where(r => r.Release.OfficeId == office.Id), ct);

    /// <param name="name">The category's name in <paramref name="lang"/>.</param>
    public Task<FeedReleases> CategoryAsync(SiteSnapshot site, string lang, Category category, CategoryName name, CancellationToken ct)
    {
        // As on the category's page: its releases and those of its subcategories.
        var ids = site.WithChildren(category.Id);
        return ReadAsync(site, lang, SiteUrls.Category(lang, name.Slug), v => v.Where(r => r.Release.Categories.Any(c => ids.Contains(c.Id))), ct);
    }

    /// <param name="listingPath">The listing page the feed follows: it names the feed's dates in the facts.</param>
    private async Task<FeedReleases> ReadAsync(
        SiteSnapshot site, string lang, string listingPath, Func<IQueryable<ReleaseVersion>, IQueryable<ReleaseVersion>> filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inLanguage = db.ReleaseVersions.Where(v => v.Language == lang);
        var versions = (await filter(inLanguage.VisibleAt(now)).WithRelease()
            .Include(v => v.Release).ThenInclude(r => r.Categories)
            .NewestFirst().Take(Size).AsSplitQuery().ToListAsync(ct)).WithSiteData(site);
        // Both dates scan every release of the language, and change only with a release: kept between changes.
        var (retracted, anyChange) = await facts.GetAsync(site, $"feed dates {listingPath}", async ct =>
        {
            var retracted = await filter(inLanguage).RetractionTimes(now).OrderByDescending(t => t).FirstOrDefaultAsync(ct);
            // Filing a release under a category, or taking it out, changes which releases a feed holds but
            // none of their texts or dates. So Last-Modified also follows the latest change to any visible
            // release of the language, and a reader asking by date (If-Modified-Since) gets the feed anew.
            // Only visible releases count: the header never hints at an embargoed one.
            var anyChange = await inLanguage.VisibleAt(now).Select(v => (DateTime?)v.Release.UpdatedAt).OrderByDescending(t => t).FirstOrDefaultAsync(ct);
            return (retracted, anyChange);
        }, ct);
        return new FeedReleases(versions, retracted, anyChange);
    }
}
