using Bayan.Numbering;
using Bayan.Feeds;
using Bayan.Localization;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Web.Caching;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// /{lang}/feed.atom|rss|json, /{lang}/{office}/feed.* and /{lang}/category/{slug}/feed.*: the newest
/// visible releases of one language as Atom 1.0, RSS 2.0 and JSON Feed 1.1. Each answer carries
/// Last-Modified; ConditionalGet adds the ETag and answers 304 to a reader who has the feed already.
/// </summary>
internal static class FeedEndpoints
{
    /// <summary>Before the office routes, so that "feed.atom" is never taken for an office code.</summary>
    public static void MapFeeds(this IEndpointRouteBuilder app, string[] methods)
    {
        foreach (var format in FeedFormats.All)
        {
            var file = $"feed.{format.Extension()}";
            app.MapMethods($"/{{lang}}/{file}", methods,
                (string lang, HttpContext http, SiteReader sites, PageRenderer pages, FeedQueries feeds, ReleaseFacts facts) =>
                    SiteAsync(format, lang, http, sites, pages, feeds, facts));
            app.MapMethods($"/{{lang}}/category/{{slug}}/{file}", methods,
                (string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, FeedQueries feeds, ReleaseFacts facts) =>
                    CategoryAsync(format, lang, slug, http, sites, pages, feeds, facts));
            app.MapMethods($"/{{lang}}/{{office}}/{file}", methods,
                (string lang, string office, HttpContext http, SiteReader sites, PageRenderer pages, FeedQueries feeds, ReleaseFacts facts) =>
                    OfficeAsync(format, lang, office, http, sites, pages, feeds, facts));
        }
    }

    /// <summary>A listing's feeds in every format, for its head and its "Subscribe" line.</summary>
    public static IReadOnlyList<FeedLink> Links(string title, string listingPath) =>
        [.. FeedFormats.All.Select(f => new FeedLink(title, f, SiteUrls.Feed(listingPath, f)))];

    public static string SiteTitle(SiteSnapshot site, string lang) => site.In(lang).SiteName;

    public static string OfficeTitle(SiteSnapshot site, string lang, string officeName) => $"{officeName} · {site.In(lang).SiteName}";

    public static string CategoryTitle(SiteSnapshot site, string lang, string categoryName) =>
        $"{Messages.Format(lang, "category_heading", categoryName)} · {site.In(lang).SiteName}";

    private static async Task<IResult> SiteAsync(
        FeedFormat format, string lang, HttpContext http, SiteReader sites, PageRenderer pages, FeedQueries feeds, ReleaseFacts facts)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var name = site.In(lang).SiteName;
        PageCache.Tag(http, CacheTags.SiteListings);
        var scope = new FeedScope(SiteTitle(site, lang), Messages.Format(lang, "feeds_latest_of", name), SiteUrls.Home(lang), name);
        return Answer(format, scope, await feeds.SiteAsync(site, lang, http.RequestAborted), http, site, lang, facts);
    }

    private static async Task<IResult> OfficeAsync(
        FeedFormat format, string lang, string office, HttpContext http, SiteReader sites, PageRenderer pages, FeedQueries feeds, ReleaseFacts facts)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var found = site.OfficeWithCode(office);
        if (found is null)
            return await pages.NotFoundAsync(http, site, lang);
        PageCache.Tag(http, CacheTags.Office(found.Id));
        var name = found.NameIn(lang);
        var scope = new FeedScope(OfficeTitle(site, lang, name), Messages.Format(lang, "feeds_latest_of", name), SiteUrls.Office(lang, found.Code), name);
        return Answer(format, scope, await feeds.OfficeAsync(site, lang, found, http.RequestAborted), http, site, lang, facts);
    }

    private static async Task<IResult> CategoryAsync(
        FeedFormat format, string lang, string slug, HttpContext http, SiteReader sites, PageRenderer pages, FeedQueries feeds, ReleaseFacts facts)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        if (site.CategoryWithSlug(lang, slug) is not ({ } category, { } name))
            return await pages.NotFoundAsync(http, site, lang);
        // As on the category's page: its releases and those of its subcategories.
        PageCache.Tag(http, site.WithChildren(category.Id).Select(CacheTags.Category));
        var scope = new FeedScope(CategoryTitle(site, lang, name.Name), Messages.Format(lang, "feeds_latest_in", name.Name),
            SiteUrls.Category(lang, name.Slug), site.In(lang).SiteName);
        return Answer(format, scope, await feeds.CategoryAsync(site, lang, category, name, http.RequestAborted), http, site, lang, facts);
    }

    private static IResult Answer(FeedFormat format, FeedScope scope, FeedReleases read, HttpContext http, SiteSnapshot site, string lang, ReleaseFacts facts)
    {
        var origin = RequestOrigin.Of(http.Request);
        // Tag URIs name the site by its host: the public one, as the links.
        var host = new Uri(origin).Host;
        var items = read.Newest.Select(v => Item(v, origin, host, lang, site, facts)).ToList();
        // Stable for the same content, so the bytes (and the ETag) are too; never "now".
        var updated = items.Select(i => i.Updated).Append(site.Site.UpdatedAt).Append(read.Retracted ?? DateTime.MinValue).Max();
        var urls = new FeedUrls(
            SiteUrls.Absolute(origin, SiteUrls.Feed(scope.ListingPath, FeedFormat.Atom)),
            SiteUrls.Absolute(origin, SiteUrls.Feed(scope.ListingPath, FeedFormat.Rss)),
            SiteUrls.Absolute(origin, SiteUrls.Feed(scope.ListingPath, FeedFormat.Json)));
        var home = SiteUrls.Absolute(origin, scope.ListingPath);
        var feed = new Feed(urls.Atom, scope.Title, scope.Description, lang, home, urls,
            new FeedAuthor(scope.AuthorName, home), updated, items);

        var lastModified = read.AnyChange > updated ? read.AnyChange.Value : updated;
        http.Response.GetTypedHeaders().LastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc));
        return Results.Bytes(format.Write(feed), $"{format.MediaType()}; charset=utf-8");
    }

    /// <summary>Needs the version's release with its office and categories loaded.</summary>
    private static FeedItem Item(ReleaseVersion version, string origin, string host, string lang, SiteSnapshot site, ReleaseFacts facts)
    {
        var release = version.Release;
        var url = SiteUrls.Absolute(origin, ReleasePage.UrlOf(release, version));
        var published = release.PublishAt ?? release.CreatedAt;
        var image = release.FeaturedImage is { } featured ? AbsoluteMedia(origin, featured) : null;
        var number = release.ReferenceNumber;
        var lead = number is null ? null : Messages.Format(lang, "release_number", ReferenceNumberText.PlainText(number, lang, site.Site));
        return new FeedItem(
            FeedIds.Release(host, release.CreatedAt, release.Id, lang) ?? url,
            url,
            version.Title,
            version.Summary,
            // Parsing the body to make its links absolute is most of a feed's work; its result stays until the release changes.
            facts.Text(site, $"feed body {url}\n{lead}\n{image}", () => FeedHtml.Content(version.BodyHtml, url, lang, Languages.Get(lang).Direction, lead, image,
                SignatureHtml.Write(OfficeSignature.For(release.Office, lang), lang))),
            published,
            ReleaseMetadata.Modified(release, version),
            new FeedAuthor(release.Office.NameIn(lang), SiteUrls.Absolute(origin, SiteUrls.Office(lang, release.Office.Code))),
            number,
            image,
            [.. release.Categories.OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => c.NameIn(lang)?.Name).OfType<string>()]);
    }

    /// <summary>Uploaded files are named by path ("/media/..."); an image from elsewhere keeps its address.</summary>
    public static string AbsoluteMedia(string origin, string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? SiteUrls.Absolute(origin, url) : url;

    /// <summary>What one feed says of itself: its name and its listing page.</summary>
    private sealed record FeedScope(string Title, string Description, string ListingPath, string AuthorName);
}
