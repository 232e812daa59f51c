using System.Collections.Concurrent;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Feeds;
using Bayan.Localization;
using Bayan.Themes;
using Bayan.Web.Hosting;
using Bayan.Navigation;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>What a page says about itself to the layout: title, canonical path, language versions.</summary>
public sealed record PageInfo(string Title, string CanonicalPath)
{
    /// <summary>The versions of this page in other languages (and this one): hreflang alternates and the language switcher.</summary>
    public IReadOnlyList<(string Lang, string Path)> Versions { get; init; } = [];
    public string Description { get; init; } = "";
    public bool NoIndex { get; init; }

    /// <summary>The page's feeds, announced in its head for feed readers to find (see FeedEndpoints.Links).</summary>
    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];
}

/// <summary>A public page before it is rendered: its template, what it says about itself and its values.</summary>
public sealed record PageContent(string Template, PageInfo Info, IReadOnlyDictionary<string, object?> Values);

/// <summary>A feed of a page in one format.</summary>
public sealed record FeedLink(string Title, FeedFormat Format, string Path);

/// <summary>A feed as the layout announces and lists it.</summary>
public sealed record FeedLinkView(string Title, string Type, string Label, string Url, string AbsoluteUrl);

/// <summary>The header clock: the time now, the zone's name in the page's language, and what the browser script needs.</summary>
public sealed record ClockView(LocalDate Time, string Name, string Zone, string NumberingSystem);

public sealed record LanguageLink(string Code, string Name, string Url, string AbsoluteUrl, bool Current, string Dir);

/// <summary>
/// Renders a page's template inside the theme's layout, with everything the layout shows around it.
/// A page is made from the site snapshot, its language and its values alone: a request only adds
/// where its answer goes (<see cref="RenderAsync(HttpContext, SiteSnapshot, string, string, PageInfo, IReadOnlyDictionary{string, object?}, int)"/>),
/// and a page can be made without one (<see cref="RenderAsync(SiteSnapshot, string, string, PageInfo, IReadOnlyDictionary{string, object?})"/>).
/// </summary>
public sealed class PageRenderer(ThemeEngine theme, LayoutParts parts, TimeProvider clock, BayanOptions options)
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, object?>> Texts = new();

    // How many values the layout adds to the page's (below), so the dictionary is not grown while it is filled.
    private const int LayoutValues = 24;

    /// <summary>The answer to a request: its absolute links begin with <see cref="RequestOrigin.Of"/>.</summary>
    public async Task<IResult> RenderAsync(
        HttpContext http, SiteSnapshot site, string lang, string template, PageInfo page,
        IReadOnlyDictionary<string, object?> values, int status = StatusCodes.Status200OK) =>
        new HtmlPage(await WriteAsync(RequestOrigin.Of(http.Request), site, lang, template, page, values), status);

    public Task<IResult> RenderAsync(HttpContext http, SiteSnapshot site, string lang, PageContent content, int status = StatusCodes.Status200OK) =>
        RenderAsync(http, site, lang, content.Template, content.Info, content.Values, status);

    /// <summary>
    /// A page made without any request (a static copy of the site): its absolute links begin with the
    /// configured public address (Bayan:PublicUrl), which such a page cannot do without.
    /// </summary>
    public Task<string> RenderAsync(SiteSnapshot site, string lang, PageContent content) =>
        RenderAsync(site, lang, content.Template, content.Info, content.Values);

    /// <inheritdoc cref="RenderAsync(SiteSnapshot, string, PageContent)"/>
    public async Task<string> RenderAsync(
        SiteSnapshot site, string lang, string template, PageInfo page, IReadOnlyDictionary<string, object?> values)
    {
        var origin = options.PublicOrigin
            ?? throw new InvalidOperationException("A page made without a request needs the site's public address: set Bayan:PublicUrl.");
        using var html = await WriteAsync(origin, site, lang, template, page, values);
        return System.Text.Encoding.UTF8.GetString(html.Written.Span);
    }

    /// <summary>The page's UTF-8 bytes; the caller disposes them once sent.</summary>
    /// <param name="origin">What absolute links begin with: "https://news.example.org".</param>
    public async Task<Utf8Buffer> WriteAsync(
        string origin, SiteSnapshot site, string lang, string template, PageInfo page, IReadOnlyDictionary<string, object?> values)
    {
        var versions = page.Versions
            .Where(v => site.IsEnabled(v.Lang))
            .Select(v => Languages.Find(v.Lang) is { } l
                ? new LanguageLink(l.Code, l.NativeName, v.Path, SiteUrls.Absolute(origin, v.Path), l.Code == lang, l.Direction)
                : null)
            .OfType<LanguageLink>()
            .ToList();
        var siteLanguage = site.In(lang);
        var now = clock.GetUtcNow().UtcDateTime;

        var all = new Dictionary<string, object?>(values.Count + LayoutValues);
        foreach (var (key, value) in values)
            all[key] = value;
        AddSiteValues(all, site, lang);
        all["title"] = page.Title;
        all["description"] = page.Description;
        all["canonical"] = SiteUrls.Absolute(origin, page.CanonicalPath);
        all["noindex"] = page.NoIndex;
        all["languages"] = versions;
        all["feeds"] = page.Feeds.Select(f => new FeedLinkView(
            $"{f.Title} ({f.Format.Label()})", f.Format.MediaType(), f.Format.Label(), f.Path, SiteUrls.Absolute(origin, f.Path))).ToList();
        all["today"] = site.Dates.Today(now, lang);
        all["clock"] = new ClockView(site.Dates.Clock(now, lang), siteLanguage.ClockName, site.Site.TimeZone, site.Dates.NumberingSystem(lang));
        var made = await parts.GetAsync(site, lang);
        all["menu_html"] = made.Menu;
        all["sidebar_html"] = made.Sidebar;

        var html = new Utf8Buffer();
        try
        {
            await theme.RenderInLayoutAsync(template, "layout", all, html.Writer);
        }
        catch
        {
            html.Dispose();
            throw;
        }
        return html;
    }

    /// <summary>A localized error page inside the layout, with optional links to where the reader may go instead.</summary>
    public Task<IResult> ErrorAsync(HttpContext http, SiteSnapshot site, string lang, int status, string message, IReadOnlyList<Link>? links = null)
    {
        var heading = Messages.Get(lang, $"error_{status}_title");
        return RenderAsync(http, site, lang, "error",
            new PageInfo(heading, http.Request.Path) { NoIndex = true, Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.Home(l.Code)))] },
            new Dictionary<string, object?>
            {
                ["status"] = status,
                ["heading"] = heading,
                ["message"] = message,
                ["links"] = links ?? [],
            },
            status);
    }

    /// <summary>A 404, unless the address is an old one that has moved or is gone (<see cref="Redirects.OldAddresses"/>).</summary>
    public async Task<IResult> NotFoundAsync(HttpContext http, SiteSnapshot site, string lang, string? message = null, IReadOnlyList<Link>? links = null) =>
        await Redirects.OldAddresses.InsteadOfNotFoundAsync(http, this, site, lang)
        ?? await ErrorAsync(http, site, lang, StatusCodes.Status404NotFound, message ?? Messages.Get(lang, "error_404_message"), links);

    public Task<IResult> BadRequestAsync(HttpContext http, SiteSnapshot site, string lang, string message) =>
        ErrorAsync(http, site, lang, StatusCodes.Status400BadRequest, message);

    /// <summary>What every page of a language shows the same: the values the layout's parts (<see cref="LayoutParts"/>) are rendered with.</summary>
    public static Dictionary<string, object?> SiteValues(SiteSnapshot site, string lang)
    {
        var values = new Dictionary<string, object?>();
        AddSiteValues(values, site, lang);
        return values;
    }

    private static void AddSiteValues(Dictionary<string, object?> values, SiteSnapshot site, string lang)
    {
        var siteLanguage = site.In(lang);
        var nav = site.NavigationIn(lang);
        values["lang"] = lang;
        values["dir"] = Languages.Get(lang).Direction;
        values["t"] = TextsFor(lang);
        values["site_name"] = siteLanguage.SiteName;
        values["tagline"] = siteLanguage.Tagline;
        values["home_url"] = SiteUrls.Home(lang);
        values["search_url"] = SiteUrls.Search(lang);
        values["menu"] = nav.Menu;
        values["link_lists"] = nav.LinkLists;
        values["categories"] = nav.Categories;
        values["offices"] = nav.Offices;
        values["assets"] = ThemeSetup.AssetsPath;
    }

    private static Dictionary<string, object?> TextsFor(string lang) =>
        Texts.GetOrAdd(lang, l => Messages.For(l).ToDictionary(p => p.Key, p => (object?)p.Value));
}
