using Bayan.Changes;
using Bayan.Releases;
using Microsoft.AspNetCore.OutputCaching;

namespace Bayan.Web.Caching;

/// <summary>
/// Drops the kept copies a saved change makes wrong, and only those: what each change touches, in
/// the names of <see cref="CacheTags"/>. Services announce their changes after the transaction
/// commits, the scheduled publisher's too, and the announcement waits for this, so the editor's
/// next request, and every reader's, already renders the new content.
/// </summary>
internal sealed class CacheEviction(IOutputCacheStore store, FilingQueries filings, ILogger<CacheEviction> log) : IContentChangeListener
{
    public async ValueTask ChangedAsync(ContentChange change)
    {
        try
        {
            foreach (var tag in await TagsOfAsync(change))
                await store.EvictByTagAsync(tag, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The change is saved and must stay so; better every page rendered again than one stale.
            log.LogError(e, "Evicting the pages of {Change} failed; evicting every page.", change);
            await store.EvictByTagAsync(CacheTags.Everything, CancellationToken.None);
        }
    }

    private async Task<IReadOnlyCollection<string>> TagsOfAsync(ContentChange change) => change switch
    {
        ContentChange.Release release => await ReleaseTagsAsync(release),
        ContentChange.Comments comments => [.. comments.ReleaseIds.Select(CacheTags.Release)],
        ContentChange.Page page => page.FormerKey is { } former && former != page.Key
            ? [CacheTags.Page(page.Key), CacheTags.Page(former), CacheTags.Sitemaps]
            : [CacheTags.Page(page.Key), CacheTags.Sitemaps],
        _ => [CacheTags.Everything],
    };

    /// <summary>The release's own pages and every listing, feed and sitemap that shows it or showed it.</summary>
    private async Task<IReadOnlyCollection<string>> ReleaseTagsAsync(ContentChange.Release change)
    {
        var release = await filings.OfAsync(change.Id, CancellationToken.None);
        // Drafts, releases in review and scheduled ones are on no public page, and never become one
        // unpublished again; an embargo preview is never kept.
        if (release is null || release.Status is not (ReleaseStatus.Published or ReleaseStatus.Retracted))
            return [];
        return
        [
            CacheTags.Release(change.Id),
            CacheTags.SiteListings,
            CacheTags.Sitemaps,
            CacheTags.Search,
            CacheTags.Office(release.OfficeId),
            .. release.Categories.Union(change.FormerCategories).Select(CacheTags.Category),
            .. release.Tags.Union(change.FormerTags).Select(CacheTags.Tag),
        ];
    }
}
