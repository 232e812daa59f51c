using System.ComponentModel;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Sites;
using Bayan.Tags;
using Bayan.Web.Caching;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bayan.Web.Api.Content;

/// <summary>/api/v1/releases: the public releases, a page at a time, and one release with all its versions.</summary>
internal static class ReleaseEndpoints
{
    public const int DefaultLimit = 20;

    private static readonly string[] ListParameters = ["language", "office", "category", "tag", "since", "until", "q", "cursor", "limit"];

    public static void MapReleases(this IEndpointRouteBuilder api)
    {
        api.MapGet("/releases", ListAsync)
            .WithName("ListReleases")
            .WithSummary("List releases")
            .WithDescription("""
                The releases a reader may see now, newest first (by publication time, then id), a page at a time.
                Each release appears once: in the language asked for, else in its original language. Drafts,
                releases in review, scheduled (embargoed) and retracted releases are never listed. Pages are
                read with the opaque `next` cursor of the previous page; a release published meanwhile appears
                at the top of the first page and never moves another from one page to the next.
                """)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        api.MapGet("/releases/{id:int}", OneAsync)
            .WithName("GetRelease")
            .WithSummary("One release with all its language versions")
            .WithDescription("""
                The release with every language version: texts as sanitised HTML and as Markdown, dates as ISO 8601
                and in the site's calendars in each version's language, reference number, correction and
                retraction notes, the translation links, categories, tags and media with every rendition. A retracted
                release answers with its title, dates and notes only (status `retracted`). A release that is not
                public (draft, in review, scheduled) answers 404, as one that does not exist.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
    }

    public static async Task<Results<ReleaseListAnswer, ProblemHttpResult>> ListAsync(
        HttpContext http, SiteReader sites, ReleaseListQuery releases, TagQueries tags,
        [Description("A language of the site (e.g. en): only releases written in it, each shown in it.")] string? language,
        [Description("An office's code.")] string? office,
        [Description("A category's id or slug (in any language); its subcategories are included.")] string? category,
        [Description("A tag's id or slug (in any language).")] string? tag,
        [Description("Published at or after: ISO 8601 with offset (2024-11-21T10:00:00+03:00), or a day (2024-11-21) in the site's zone.")] string? since,
        [Description("Published before, written as `since`.")] string? until,
        [Description("Words to find, as the site's search finds them (\"quoted phrases\", reference numbers such as 1446/03); needs `language`. Searches the newest 1,000 matches.")] string? q,
        [Description("The `next` of the previous page.")] string? cursor,
        [Description("Releases per page, 1 to 100; 20 when not given.")] string? limit)
    {
        var ct = http.RequestAborted;
        var query = new ApiQuery(http).Only(ListParameters);
        if (query.Problem is { } unknown)
            return unknown;
        if (await sites.LoadAsync(ct) is not { } site)
            return ApiProblems.Of(http, StatusCodes.Status503ServiceUnavailable, new Problem("api_not_set_up"));

        var filter = new ReleaseFilter();
        if (language is not null)
        {
            if (!site.IsEnabled(language))
                query.Fail("language", new Problem("api_unknown_language", language, string.Join(", ", site.Languages.Select(l => l.Code))));
            filter = filter with { Language = language };
        }
        if (office is not null)
        {
            if (site.OfficeWithCode(office) is { } found)
                filter = filter with { OfficeId = found.Id };
            else
                query.Fail("office", new Problem("api_unknown_office", office));
        }
        if (category is not null)
        {
            if (ContentLookups.FindCategory(site, category) is { } found)
                filter = filter with { CategoryIds = site.WithChildren(found.Id) };
            else
                query.Fail("category", new Problem("api_unknown_category", category));
        }
        if (tag is not null && query.Problem is null)
        {
            // Among the tags readers can see: a tag only an embargoed release carries is not confirmed to exist.
            if (await tags.FindVisibleAsync(tag, ct) is { } found)
                filter = filter with { TagId = found.Id };
            else
                query.Fail("tag", new Problem("api_unknown_tag", tag));
        }
        filter = filter with { SinceUtc = query.Instant("since", site.Zone), UntilUtc = query.Instant("until", site.Zone) };
        if (q is not null)
        {
            if (language is null)
                query.Fail("q", new Problem("api_words_need_language"));
            else if (SearchQuery.Parse(q, out var problem) is { } words)
                filter = filter with { Words = words };
            else
                query.Fail("q", problem!);
        }
        ReleaseCursor? after = null;
        if (cursor is not null)
        {
            if (ReleaseCursor.TryDecode(cursor, out var decoded))
                after = decoded;
            else
                query.Fail("cursor", new Problem("api_bad_cursor"));
        }
        var take = query.Number("limit", 1, ReleaseListQuery.MostPerPage) ?? DefaultLimit;
        if (query.Problem is { } bad)
            return bad;

        // Any release published, edited, corrected or retracted drops every list (CacheEviction).
        PageCache.Tag(http, CacheTags.SiteListings);
        var page = await releases.RunAsync(filter, after, take, ct);
        var origin = RequestOrigin.Of(http.Request);
        var next = page.Next?.Encode();
        return new ReleaseListAnswer(page.Items, site, origin, next, next is null ? null : origin + NextPath(http.Request, next));
    }

    public static async Task<Results<Ok<ReleaseDetail>, ProblemHttpResult>> OneAsync(
        int id, HttpContext http, SiteReader sites, ReleaseCopies copies, PublicReleaseQuery query)
    {
        var ct = http.RequestAborted;
        if (new ApiQuery(http).Only().Problem is { } unknown)
            return unknown;
        if (await sites.LoadAsync(ct) is not { } site)
            return ApiProblems.Of(http, StatusCodes.Status503ServiceUnavailable, new Problem("api_not_set_up"));
        // The release page's own copy (ReleaseCopies): while the release is unchanged, no database is asked.
        if (await copies.GetAsync(site, id, ct => ReleasePage.ReadAsync(http.RequestServices, site, id, ct), ct) is not { } copy)
            return ApiProblems.Of(http, StatusCodes.Status404NotFound, new Problem("api_release_not_found", id));
        PageCache.Tag(http, CacheTags.Release(id));
        var origin = RequestOrigin.Of(http.Request);
        if (copy.Kept<ReleaseDetail>(ShownKey, origin) is { } kept)
            return TypedResults.Ok(kept);
        // The copy is shared and already completed with the site's names: read, never changed.
        var featured = await query.FeaturedMediaAsync(copy.Release, ct);
        return TypedResults.Ok(copy.Shown(ShownKey, origin, () => ReleaseMapping.Detail(copy.Release, featured, site, origin)));
    }

    /// <summary>Where the copy keeps the API's answer beside the pages' languages.</summary>
    private const string ShownKey = "api";

    /// <summary>This list's address with the next page's cursor in place of the current one.</summary>
    private static string NextPath(HttpRequest request, string next)
    {
        var parameters = request.Query.Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}")
            .Append($"cursor={next}");
        return $"{request.Path}?{string.Join('&', parameters)}";
    }
}
