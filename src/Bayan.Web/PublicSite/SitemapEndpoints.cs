using Bayan.Sitemaps;
using Bayan.Sites;
using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

/// <summary>
/// /robots.txt, /sitemap.xml (an index), /sitemap-{lang}.xml (a language's pages, each with its language
/// versions as hreflang alternates) and /sitemap-news.xml (releases of the last two days, for news search).
/// What they list is <see cref="SitemapQueries"/>'.
/// </summary>
internal static class SitemapEndpoints
{
    private const string XmlType = "application/xml; charset=utf-8";

    public static void MapSitemaps(this IEndpointRouteBuilder app, string[] methods)
    {
        app.MapMethods(SiteUrls.Robots, methods, Robots);
        app.MapMethods(SiteUrls.SitemapIndex, methods, IndexAsync);
        app.MapMethods(SiteUrls.NewsSitemap, methods, NewsAsync);
        app.MapMethods("/sitemap-{lang}.xml", methods, LanguageAsync);
    }

    private static IResult Robots(HttpContext http) => Results.Text(
        $"""
        User-agent: *
        Disallow: /admin/
        Disallow: /embargo/

        Sitemap: {SiteUrls.Absolute(RequestOrigin.Of(http.Request), SiteUrls.SitemapIndex)}

        """,
        "text/plain; charset=utf-8");

    private static async Task<IResult> IndexAsync(HttpContext http, SiteReader sites, SitemapQueries sitemaps)
    {
        PageCache.Tag(http, CacheTags.Sitemaps);
        var ct = http.RequestAborted;
        var site = await sites.LoadAsync(ct);
        if (site is null)
            return Results.NotFound();
        return Results.Bytes(Sitemap.Index(await sitemaps.IndexAsync(site, RequestOrigin.Of(http.Request), ct)), XmlType);
    }

    private static async Task<IResult> LanguageAsync(string lang, HttpContext http, SiteReader sites, SitemapQueries sitemaps)
    {
        PageCache.Tag(http, CacheTags.Sitemaps);
        var ct = http.RequestAborted;
        var site = await sites.LoadAsync(ct);
        var page = PageNumber.From(http.Request);
        if (site is null || !site.IsEnabled(lang) || !page.IsValid || page.Value < 1)
            return Results.NotFound();
        var urls = await sitemaps.LanguageAsync(site, lang, page.Value, RequestOrigin.Of(http.Request), ct);
        return urls is null ? Results.NotFound() : Results.Bytes(Sitemap.UrlSet(urls), XmlType);
    }

    private static async Task<IResult> NewsAsync(HttpContext http, SiteReader sites, SitemapQueries sitemaps)
    {
        PageCache.Tag(http, CacheTags.Sitemaps);
        var ct = http.RequestAborted;
        var site = await sites.LoadAsync(ct);
        if (site is null)
            return Results.NotFound();
        return Results.Bytes(Sitemap.NewsSet(await sitemaps.NewsAsync(site, RequestOrigin.Of(http.Request), ct)), XmlType);
    }
}
