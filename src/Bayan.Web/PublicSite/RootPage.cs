using Bayan.Themes;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>/: sends the reader to the best language, or explains how to fill a site that is still empty.</summary>
internal static class RootPage
{
    public static async Task<IResult> HandleAsync(HttpContext http, SiteReader sites, ThemeEngine theme)
    {
        var site = await sites.LoadAsync(http.RequestAborted);
        if (site is null)
        {
            var html = await theme.RenderAsync("empty-site", new Dictionary<string, object?>
            {
                ["assets"] = Hosting.ThemeSetup.AssetsPath,
            });
            return Results.Content(html, "text/html; charset=utf-8");
        }
        http.Response.Headers.Vary = "Accept-Language";
        var lang = site.BestLanguageFor(http.Request.GetTypedHeaders().AcceptLanguage);
        return Results.Redirect(SiteUrls.Home(lang));
    }
}
