using Bayan.Data;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Slugs;
using Bayan.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/category/{slug}/ and /{lang}/tag/{slug}/: releases filed under a category (and its subcategories) or a tag.</summary>
internal static class TaxonomyPages
{
    public static async Task<IResult> CategoryAsync(
        string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        if (site.CategoryWithSlug(lang, slug) is not ({ } category, { } name))
            return await pages.NotFoundAsync(http, site, lang);

        var ids = site.WithChildren(category.Id);
        PageCache.Tag(http, ids.Select(CacheTags.Category));
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = db.ReleaseVersions.VisibleAt(now)
            .Where(v => v.Language == lang && v.Release.Categories.Any(c => ids.Contains(c.Id)));
        return await RenderAsync(http, site, pages, lang, SiteUrls.Category(lang, name.Slug), versions, request.Page,
            Messages.Format(lang, "category_heading", name.Name),
            [.. category.Names.Select(n => (n.Language, SiteUrls.Category(n.Language, n.Slug)))],
            FeedEndpoints.Links(FeedEndpoints.CategoryTitle(site, lang, name.Name), SiteUrls.Category(lang, name.Slug)));
    }

    public static async Task<IResult> TagAsync(
        string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        // A tag's page exists only in the languages it has a name in, under that language's slug.
        var tag = Slug.IsWellFormed(slug)
            ? await db.Tags.AsNoTracking().Include(t => t.Names)
                .FirstOrDefaultAsync(t => t.Names.Any(n => n.Language == lang && n.Slug == slug), http.RequestAborted)
            : null;
        if (tag?.NameIn(lang) is not { } name)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, CacheTags.Tag(tag.Id));
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = db.ReleaseVersions.VisibleAt(now)
            .Where(v => v.Language == lang && v.Release.Tags.Any(t => t.Id == tag.Id));
        return await RenderAsync(http, site, pages, lang, SiteUrls.Tag(lang, name.Slug), versions, request.Page,
            Messages.Format(lang, "tag_heading", name.Name),
            [.. tag.Names.Where(n => site.IsEnabled(n.Language)).Select(n => (n.Language, SiteUrls.Tag(n.Language, n.Slug)))],
            // Tags have no feed of their own: the site's stands in.
            FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), SiteUrls.Home(lang)));
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http, SiteSnapshot site, PageRenderer pages, string lang, string path,
        IQueryable<ReleaseVersion> versions, int page, string heading, IReadOnlyList<(string, string)> languageVersions, IReadOnlyList<FeedLink> feeds)
    {
        if (await Listing.IsEmptyAsync(versions, site, path, ReleaseFacts.In(http), http.RequestAborted))
            return await pages.NotFoundAsync(http, site, lang);
        var listing = await Listing.LoadAsync(versions, page, site, lang, path, ReleaseFacts.In(http), http.RequestAborted);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", page));
        var values = listing.ToValues();
        values["heading"] = heading;
        var info = new PageInfo(heading, SiteUrls.WithPage(path, page))
        {
            Versions = [.. languageVersions.Select(v => (v.Item1, SiteUrls.WithPage(v.Item2, page)))],
            Feeds = feeds,
        };
        return await pages.RenderAsync(http, site, lang, "listing", info, values);
    }
}
