using Bayan.Pages;
using Bayan.Sites;
using Bayan.Slugs;
using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/pages/{slug}: About, Contact and the like.</summary>
internal static class StaticPages
{
    public static async Task<IResult> HandleAsync(
        string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, PageQueries staticPages)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var page = Slug.IsWellFormed(slug) ? await staticPages.FindAsync(lang, slug, http.RequestAborted) : null;
        if (page is null)
            return await pages.NotFoundAsync(http, site, lang);

        PageCache.Tag(http, CacheTags.Page(page.Key));
        var translations = await staticPages.TranslationsAsync(page.Key, http.RequestAborted);
        var info = new PageInfo(page.Title, SiteUrls.Page(lang, page.Slug))
        {
            Versions = [.. translations.Select(p => (p.Language, SiteUrls.Page(p.Language, p.Slug)))],
        };
        return await pages.RenderAsync(http, site, lang, "page", info, new Dictionary<string, object?>
        {
            ["page"] = new StaticPageView(page.Title, page.BodyHtml),
        });
    }
}

public sealed record StaticPageView(string Title, string BodyHtml);
