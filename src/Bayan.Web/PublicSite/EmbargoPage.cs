using Bayan.Embargo;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// /embargo/{token}: a scheduled release shown to journalists before its time, under a banner, never
/// cached publicly nor indexed. Once the release is public the link leads to its public address; a
/// revoked link, or a release no longer scheduled, shows nothing.
/// </summary>
internal static class EmbargoPage
{
    public static async Task<IResult> HandleAsync(
        string token, string? lang, HttpContext http, SiteReader sites, PageRenderer pages, EmbargoLinks links, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var site = await sites.LoadAsync(http.RequestAborted);
        if (site is null)
            return Results.Redirect("/");
        var release = token.Length <= 64 ? (await links.PreviewAsync(token, http.RequestAborted))?.WithSiteData(site) : null;
        var fallback = lang is not null && site.IsEnabled(lang) ? lang : site.Site.DefaultLanguage;
        if (release is null || release.Status is not (ReleaseStatus.Scheduled or ReleaseStatus.Published))
            return await pages.NotFoundAsync(http, site, fallback, Messages.Get(fallback, "embargo_link_invalid"));

        var versions = release.Versions.Where(v => site.IsEnabled(v.Language)).ToList();
        var version = versions.FirstOrDefault(v => v.Language == lang) ?? versions.FirstOrDefault(v => v.IsOriginal) ?? versions.FirstOrDefault();
        if (version is null)
            return await pages.NotFoundAsync(http, site, fallback, Messages.Get(fallback, "embargo_link_invalid"));
        var now = clock.GetUtcNow().UtcDateTime;
        if (release.Status == ReleaseStatus.Published && release.PublishAt <= now)
            return Results.Redirect(ReleasePage.UrlOf(release, version));

        var path = EmbargoLinks.PathPrefix + token;
        var values = ReleasePage.Values(release, version, site, version.Language, RequestOrigin.Of(http.Request));
        // A preview is for the journalists who have the link: nothing in it invites link previews or crawlers.
        values.Remove("meta");
        values["embargo"] = Messages.Format(version.Language, "embargo_banner", site.Times.Format(release.PublishAt ?? now, version.Language));
        var info = new PageInfo(version.Title, $"{path}?lang={version.Language}")
        {
            NoIndex = true,
            Versions = [.. versions.Select(v => (v.Language, $"{path}?lang={v.Language}"))],
        };
        return await pages.RenderAsync(http, site, version.Language, "release", info, values);
    }
}
