using System.ComponentModel;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Pages;
using Bayan.Slugs;
using Bayan.Tags;
using Bayan.Web.Caching;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Http.HttpResults;
using Bayan.Sites;

namespace Bayan.Web.Api.Content;

/// <summary>
/// What files and surrounds the releases: offices, the category tree, tags, static pages, menus and the
/// site's public settings. Offices, categories, menus and settings come from the site snapshot every page
/// already holds; their copies go with any change to the site, as the pages' do.
/// </summary>
internal static class SiteEndpoints
{
    public static void MapSiteContent(this IEndpointRouteBuilder api)
    {
        api.MapGet("/site", SiteAsync).WithName("GetSite").WithSummary("The site's public settings")
            .WithDescription("Languages with the site's name, tagline and clock name in each, the time zone, the calendars dates are written in, digits.");
        api.MapGet("/offices", OfficesAsync).WithName("ListOffices").WithSummary("Offices")
            .WithDescription("Every media office, in the site's order, with its names, zone, Hijri adjustment and the contact lines of its signature.");
        api.MapGet("/categories", CategoriesAsync).WithName("ListCategories").WithSummary("The category tree")
            .WithDescription("Top-level categories in the site's order, each with its subcategories and its name and slug in each language.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/tags", TagsAsync).WithName("ListTags").WithSummary("Tags")
            .WithDescription("The tags of the releases readers can see now, with their names in each language.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/pages", PagesAsync).WithName("ListPages").WithSummary("Static pages")
            .WithDescription("The static pages (About, Contact and the like) in every language, without their text.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/pages/{language}/{slug}", PageAsync).WithName("GetPage").WithSummary("One static page")
            .WithDescription("A static page in one language, its text as sanitised HTML and as Markdown, and its translations.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/menus", MenusAsync).WithName("ListMenus").WithSummary("Menus")
            .WithDescription("The main menu and the sidebar's link lists of each language.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public static async Task<Results<Ok<SiteInfo>, ProblemHttpResult>> SiteAsync(HttpContext http, SiteReader sites)
    {
        var (site, origin, stop) = await OpenAsync(http, sites);
        if (stop is not null)
            return stop;
        var settings = site.Site;
        return TypedResults.Ok(new SiteInfo(
            settings.DefaultLanguage,
            settings.TimeZone,
            [.. site.Languages.Select(l => new SiteLanguageInfo(
                l.Code, Languages.Find(l.Code)?.NativeName ?? l.Code, ReleaseMapping.DirectionOf(l.Code),
                l.SiteName, l.Tagline, l.ClockName, origin + SiteUrls.Home(l.Code)))],
            new SiteCalendars(settings.HeaderDates, settings.DatelineDates, settings.ListingDates),
            settings.ExtendedDigits,
            settings.NumbersInLanguageDigits,
            settings.PageSize));
    }

    public static async Task<Results<Ok<IReadOnlyList<OfficeEntry>>, ProblemHttpResult>> OfficesAsync(HttpContext http, SiteReader sites)
    {
        var (site, origin, stop) = await OpenAsync(http, sites);
        if (stop is not null)
            return stop;
        IReadOnlyList<OfficeEntry> offices = [.. site.Offices.Select(o => new OfficeEntry(
            o.Id, o.Code, o.DefaultLanguage, o.TimeZone, o.HijriAdjustment,
            [.. o.Names.Where(n => site.IsEnabled(n.Language)).OrderBy(n => site.PositionOf(n.Language))
                .Select(n => new OfficeLocalName(n.Language, n.Name, n.FullName, n.Address, origin + SiteUrls.Office(n.Language, o.Code)))],
            o.Website, o.Telephone, o.Email, Offices.OfficeSignature.SocialLinks(o.SocialLinks)))];
        return TypedResults.Ok(offices);
    }

    public static async Task<Results<Ok<IReadOnlyList<CategoryNode>>, ProblemHttpResult>> CategoriesAsync(
        HttpContext http, SiteReader sites,
        [Description("Only categories named in this language, with that name alone.")] string? language)
    {
        var (site, origin, stop) = await OpenAsync(http, sites, language);
        if (stop is not null)
            return stop;
        string[] languages = language is null ? [.. site.Languages.Select(l => l.Code)] : [language];
        // The snapshot's order: by position, then name in the first language asked.
        var named = site.CategoriesIn(languages[0]).Select(c => c.Category)
            .Concat(languages.Skip(1).SelectMany(l => site.CategoriesIn(l).Select(c => c.Category)))
            .DistinctBy(c => c.Id).ToList();
        CategoryNode Node(Categories.Category category) => new(
            category.Id,
            [.. languages.Select(l => category.NameIn(l)).OfType<Categories.CategoryName>()
                .Select(n => new LocalName(n.Language, n.Name, n.Slug, origin + SiteUrls.Category(n.Language, n.Slug)))],
            [.. named.Where(c => c.ParentId == category.Id).Select(Node)]);
        IReadOnlyList<CategoryNode> tree = [.. named.Where(c => c.ParentId is null || named.All(p => p.Id != c.ParentId)).Select(Node)];
        return TypedResults.Ok(tree);
    }

    public static async Task<Results<Ok<IReadOnlyList<TagEntry>>, ProblemHttpResult>> TagsAsync(
        HttpContext http, SiteReader sites, TagQueries tags,
        [Description("Only tags named in this language, with that name alone.")] string? language)
    {
        var (site, origin, stop) = await OpenAsync(http, sites, language);
        if (stop is not null)
            return stop;
        // A tag comes into view, or leaves it, with a release.
        PageCache.Tag(http, CacheTags.SiteListings);
        IReadOnlyList<TagEntry> entries = [.. (await tags.VisibleAsync(http.RequestAborted))
            .Select(t => new TagEntry(t.Id, [.. t.Names
                .Where(n => (language is null ? site.IsEnabled(n.Language) : n.Language == language))
                .OrderBy(n => site.PositionOf(n.Language))
                .Select(n => new LocalName(n.Language, n.Name, n.Slug, origin + SiteUrls.Tag(n.Language, n.Slug)))]))
            .Where(t => t.Names.Count > 0)];
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<Ok<IReadOnlyList<PageItem>>, ProblemHttpResult>> PagesAsync(
        HttpContext http, SiteReader sites, PageQueries pages,
        [Description("Only pages in this language.")] string? language)
    {
        var (site, origin, stop) = await OpenAsync(http, sites, language);
        if (stop is not null)
            return stop;
        // Saving or deleting any page drops the sitemaps, and so this list.
        PageCache.Tag(http, CacheTags.Sitemaps);
        IReadOnlyList<PageItem> items = [.. (await pages.ListAsync(language, http.RequestAborted))
            .Where(p => site.IsEnabled(p.Language)).Select(p => Item(p, origin))];
        return TypedResults.Ok(items);
    }

    public static async Task<Results<Ok<PageDetail>, ProblemHttpResult>> PageAsync(
        string language, string slug, HttpContext http, SiteReader sites, PageQueries pages)
    {
        var (site, origin, stop) = await OpenAsync(http, sites);
        if (stop is not null)
            return stop;
        var page = site.IsEnabled(language) && Slug.IsWellFormed(slug) ? await pages.FindAsync(language, slug, http.RequestAborted) : null;
        if (page is null)
            return ApiProblems.Of(http, StatusCodes.Status404NotFound, new Problem("api_page_not_found", language, slug));
        PageCache.Tag(http, CacheTags.Page(page.Key));
        var translations = await pages.TranslationsAsync(page.Key, http.RequestAborted);
        return TypedResults.Ok(new PageDetail(
            page.Key, page.Language, ReleaseMapping.DirectionOf(page.Language), page.Slug, page.Title, page.BodyHtml, page.Body,
            Utc(page.UpdatedAt), origin + SiteUrls.Page(page.Language, page.Slug),
            [.. translations.Where(p => site.IsEnabled(p.Language)).Select(p => Item(p, origin))]));
    }

    public static async Task<Results<Ok<IReadOnlyList<MenuSet>>, ProblemHttpResult>> MenusAsync(
        HttpContext http, SiteReader sites,
        [Description("Only this language's menus.")] string? language)
    {
        var (site, origin, stop) = await OpenAsync(http, sites, language);
        if (stop is not null)
            return stop;
        // A link to a path of the site is made absolute, as every address the API gives; others are left as written.
        MenuLink Link(Bayan.Navigation.Link link) =>
            new(link.Label, link.Url.StartsWith('/') && !link.Url.StartsWith("//", StringComparison.Ordinal) ? origin + link.Url : link.Url);
        IReadOnlyList<MenuSet> menus = [.. site.Languages.Where(l => language is null || l.Code == language).Select(l =>
        {
            var navigation = site.NavigationIn(l.Code);
            return new MenuSet(l.Code,
                [.. navigation.Menu.Select(Link)],
                [.. navigation.LinkLists.Select(g => new LinkListDto(g.Title, [.. g.Links.Select(Link)]))]);
        })];
        return TypedResults.Ok(menus);
    }

    private static PageItem Item(PageEntry page, string origin) => new(
        page.Key, page.Language, page.Slug, page.Title, Utc(page.UpdatedAt),
        origin + SiteUrls.Page(page.Language, page.Slug),
        origin + $"{ApiSetup.V1}/pages/{page.Language}/{Uri.EscapeDataString(page.Slug)}");

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>
    /// The site snapshot and the origin of every address in the answer, once the query holds no
    /// parameter; else the problem to answer (a parameter it does not take, or a site not set up yet).
    /// </summary>
    private static Task<(SiteSnapshot Site, string Origin, ProblemHttpResult? Stop)> OpenAsync(HttpContext http, SiteReader sites) =>
        OpenAsync(http, sites, [], language: null);

    /// <summary>As above, for a handler whose only parameter is an optional language of the site.</summary>
    private static Task<(SiteSnapshot Site, string Origin, ProblemHttpResult? Stop)> OpenAsync(HttpContext http, SiteReader sites, string? language) =>
        OpenAsync(http, sites, ["language"], language);

    private static async Task<(SiteSnapshot Site, string Origin, ProblemHttpResult? Stop)> OpenAsync(
        HttpContext http, SiteReader sites, string[] known, string? language)
    {
        if (new ApiQuery(http).Only(known).Problem is { } problem)
            return (null!, "", problem);
        var site = await sites.LoadAsync(http.RequestAborted);
        if (site is null)
            return (null!, "", ApiProblems.Of(http, StatusCodes.Status503ServiceUnavailable, new Problem("api_not_set_up")));
        if (language is not null && !site.IsEnabled(language))
            return (site, "", ApiProblems.BadParameter(http, "language",
                new Problem("api_unknown_language", language, string.Join(", ", site.Languages.Select(l => l.Code)))));
        return (site, RequestOrigin.Of(http.Request), null);
    }
}
