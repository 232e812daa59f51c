using Bayan.Operations;
using System.Globalization;
using Bayan.Dates;
using Bayan.Localization;
using Bayan.Search;
using Bayan.Web.Caching;
using Bayan.Sites;
using Bayan.Releases;

namespace Bayan.Web.PublicSite;

public sealed record SearchOption(string Value, string Label, bool Selected);

/// <summary>A found release as the results list shows it: its card, its title and a snippet as safe HTML with &lt;mark&gt;.</summary>
public sealed record SearchResultView(ReleaseCard Card, string TitleHtml, string SnippetHtml);

/// <summary>
/// /{lang}/search?q=...&amp;office=&amp;category=&amp;from=&amp;to=&amp;page=: releases of the page's language that
/// match, best first, 20 a page. Whatever the reader typed, the answer is the search page with a clear
/// message: an empty query asks for words (200); a query too long, without words, or with a filter
/// that does not exist says so (400); a page past the last says how many there are (404). Results
/// are counted up to <see cref="SearchResults.Limit"/>; beyond it the count says "more than" and the
/// pages end there.
/// </summary>
internal static class SearchPage
{
    public const string RateLimitPolicy = "search";

    public static async Task<IResult> HandleAsync(
        string lang, HttpContext http, SiteReader sites, PageRenderer pages, ISearchIndex search, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var ct = http.RequestAborted;
        PageCache.Tag(http, CacheTags.Search);
        string Param(string name) => http.Request.Query[name] is { Count: > 0 } values ? values[0]?.Trim() ?? "" : "";
        var (text, officeCode, categorySlug, fromText, toText) = (Param("q"), Param("office"), Param("category"), Param("from"), Param("to"));

        var problems = new List<Problem>();
        var query = SearchQuery.Parse(text, out var queryProblem);
        var offices = site.Offices;
        var office = offices.FirstOrDefault(o => o.Code == officeCode);
        if (officeCode.Length > 0 && office is null)
            problems.Add(new Problem("search_office_unknown"));
        var categories = Categories(site, lang);
        var category = categories.FirstOrDefault(c => c.Slug == categorySlug);
        if (categorySlug.Length > 0 && category is null)
            problems.Add(new Problem("search_category_unknown"));
        var from = Day(fromText, problems);
        var to = Day(toText, problems);
        if (from > to)
            problems.Add(new Problem("search_dates_reversed"));
        if (queryProblem is not null && (text.Length > 0 || problems.Count > 0))
            problems.Insert(0, queryProblem);

        var path = SiteUrls.Search(lang, ("q", text), ("office", office?.Code), ("category", category?.Slug), ("from", fromText), ("to", toText));
        var values = new Dictionary<string, object?>
        {
            ["search_query"] = text,
            ["from"] = fromText,
            ["to"] = toText,
            ["office_options"] = offices.Select(o => new SearchOption(o.Code, o.NameIn(lang), o == office)).ToList(),
            ["category_options"] = categories.Select(c => new SearchOption(c.Slug, c.Label, c == category)).ToList(),
            ["results"] = Array.Empty<SearchResultView>(),
            ["messages"] = problems.Select(p => p.In(lang)).ToList(),
        };
        var heading = text.Length > 0 ? Messages.Format(lang, "search_heading_for", text) : Messages.Get(lang, "search_title");
        var info = new PageInfo(heading, SiteUrls.WithPage(path, request.Page))
        {
            NoIndex = true,
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.Search(l.Code, ("q", text))))],
        };

        if (problems.Count > 0)
            return await pages.RenderAsync(http, site, lang, "search", info, values, StatusCodes.Status400BadRequest);
        if (query is null)
        {
            // No words yet: the form, and how to use it.
            values["messages"] = new List<string> { Messages.Get(lang, "search_prompt") };
            return await pages.RenderAsync(http, site, lang, "search", info, values);
        }

        var found = await search.SearchAsync(new SearchRequest(query, lang, request.Page)
        {
            OfficeId = office?.Id,
            CategoryIds = category?.WithChildren,
            FromUtc = from is { } f ? StartOfDay(f, site.Dates.Zone) : null,
            ToUtc = to is { } t ? StartOfDay(t.AddDays(1), site.Dates.Zone) : null,
        }, clock.GetUtcNow().UtcDateTime, ct);
        if (found.Total == 0)
        {
            values["messages"] = new List<string> { Messages.Format(lang, "search_nothing_found", text) };
            return await pages.RenderAsync(http, site, lang, "search", info, values);
        }
        if (!Pager.Exists(request.Page, found.Total, SearchRequest.PageSize))
        {
            var last = Pager.PageCount(found.Total, SearchRequest.PageSize);
            values["messages"] = new List<string> { Digits.ForLanguage(Messages.Format(lang, "search_page_beyond", request.Page, last), lang) };
            values["last_page_url"] = SiteUrls.WithPage(path, last);
            return await pages.RenderAsync(http, site, lang, "search", info, values, StatusCodes.Status404NotFound);
        }

        values["results"] = found.Items.Select(r => new SearchResultView(ReleaseCard.From(r.Version, site), r.TitleHtml, r.SnippetHtml)).ToList();
        // Past the limit the reader is told there are more, and narrows the search to reach the rest.
        values["count"] = Digits.ForLanguage(Messages.Format(lang, found.More ? "search_count_more" : "search_count", found.Total), lang);
        values["pager"] = Pager.Create(path, request.Page, found.Total, SearchRequest.PageSize, lang);
        return await pages.RenderAsync(http, site, lang, "search", info, values);
    }

    /// <summary>A day as a date input sends it (2024-11-21); anything else is a problem, not an exception.</summary>
    private static DateOnly? Day(string text, List<Problem> problems)
    {
        if (text.Length == 0)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1000 and <= 9000)
            return day;
        problems.Add(new Problem("search_date_invalid", text));
        return null;
    }

    /// <summary>Days are the site's: "from 21 November" starts at midnight where the site is.</summary>
    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc);
    }

    private sealed record CategoryChoice(string Slug, string Label, IReadOnlyList<int> WithChildren);

    /// <summary>The categories named in this language, each parent followed by its children; a parent finds its children's releases too.</summary>
    private static List<CategoryChoice> Categories(SiteSnapshot site, string lang)
    {
        var named = site.CategoriesIn(lang).ToList();
        var choices = new List<CategoryChoice>();
        foreach (var parent in named.Where(c => c.Category.ParentId is null))
        {
            choices.Add(new(parent.Name.Slug, parent.Name.Name, site.WithChildren(parent.Category.Id)));
            choices.AddRange(named.Where(c => c.Category.ParentId == parent.Category.Id)
                .Select(c => new CategoryChoice(c.Name.Slug, "— " + c.Name.Name, [c.Category.Id])));
        }
        // A subcategory whose parent has no name in this language still stands on its own.
        choices.AddRange(named.Where(c => c.Category.ParentId is { } p && !named.Any(n => n.Category.Id == p))
            .Select(c => new CategoryChoice(c.Name.Slug, c.Name.Name, [c.Category.Id])));
        return choices;
    }
}
