using Bayan.Categories;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tags;
using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/category/{slug}/ and /{lang}/tag/{slug}/: releases filed under a category (and its subcategories) or a tag.</summary>
internal static class TaxonomyPages
{
    public static async Task<IResult> CategoryAsync(
        string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, CategoryQueries categories)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        if (site.CategoryWithSlug(lang, slug) is not ({ } category, { } name))
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, site.WithChildren(category.Id).Select(CacheTags.Category));
        var ct = http.RequestAborted;
        if (await categories.IsEmptyAsync(site, lang, category, name, ct))
            return await pages.NotFoundAsync(http, site, lang);
        return await RenderAsync(http, site, pages, lang, SiteUrls.Category(lang, name.Slug),
            await categories.ReleasesAsync(site, lang, category, name, request.Page, ct), request.Page,
            Messages.Format(lang, "category_heading", name.Name),
            [.. category.Names.OrderBy(n => n.Language, StringComparer.Ordinal).Select(n => (n.Language, SiteUrls.Category(n.Language, n.Slug)))],
            FeedEndpoints.Links(FeedEndpoints.CategoryTitle(site, lang, name.Name), SiteUrls.Category(lang, name.Slug)));
    }

    public static async Task<IResult> TagAsync(
        string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, TagQueries tags)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var ct = http.RequestAborted;
        // A tag's page exists only in the languages it has a name in, under that language's slug.
        var tag = await tags.WithSlugAsync(lang, slug, ct);
        if (tag?.NameIn(lang) is not { } name)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, CacheTags.Tag(tag.Id));
        if (await tags.IsEmptyAsync(site, lang, tag, name, ct))
            return await pages.NotFoundAsync(http, site, lang);
        return await RenderAsync(http, site, pages, lang, SiteUrls.Tag(lang, name.Slug),
            await tags.ReleasesAsync(site, lang, tag, name, request.Page, ct), request.Page,
            Messages.Format(lang, "tag_heading", name.Name),
            [.. tag.Names.Where(n => site.IsEnabled(n.Language)).OrderBy(n => n.Language, StringComparer.Ordinal).Select(n => (n.Language, SiteUrls.Tag(n.Language, n.Slug)))],
            // Tags have no feed of their own: the site's stands in.
            FeedEndpoints.Links(FeedEndpoints.SiteTitle(site, lang), SiteUrls.Home(lang)));
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http, SiteSnapshot site, PageRenderer pages, string lang, string path,
        Listing? listing, int page, string heading, IReadOnlyList<(string, string)> languageVersions, IReadOnlyList<FeedLink> feeds)
    {
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
