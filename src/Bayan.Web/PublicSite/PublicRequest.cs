using Bayan.Localization;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// The start of every /{lang}/ request: a site that is set up, a language it has, a valid page number.
/// Either <see cref="Site"/> is set, or <see cref="Stop"/> is the answer to send instead.
/// </summary>
public sealed record PublicRequest(SiteSnapshot? Site, IResult? Stop, int Page = 1)
{
    public static async Task<PublicRequest> OpenAsync(HttpContext http, SiteReader sites, PageRenderer pages, string lang)
    {
        var site = await sites.LoadAsync(http.RequestAborted);
        if (site is null)
            return new(null, Results.Redirect("/"));
        if (!site.IsEnabled(lang))
            return new(null, await pages.NotFoundAsync(http, site, site.Site.DefaultLanguage));
        var page = PageNumber.From(http.Request);
        if (!page.IsValid)
            return new(null, await pages.BadRequestAsync(http, site, lang, Messages.Get(lang, "error_page_number")));
        if (page.Value < 1)
            return new(null, await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", page.Value)));
        return new(site, null, page.Value);
    }
}
