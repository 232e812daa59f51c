using System.Net;
using AngleSharp.Dom;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Tests.Support;

namespace Bayan.Tests.Search;

/// <summary>
/// What a reader notices of ranking and counting: a release named by the words comes before one that
/// only mentions them, and a common word says "more than 1000" and pages as far as that, newest first.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SearchRankingTests(SearchTestSite site) : IClassFixture<SearchTestSite>
{
    [Fact]
    public async Task A_release_with_the_words_in_its_title_comes_before_a_newer_one_with_them_in_its_body()
    {
        var word = Seed.Unique("drought");
        var now = site.Clock!.Now.UtcDateTime;
        var inTitle = await site.AddAsync(site.Water, now.AddDays(-10), null, new VersionText("en", $"Emergency plan for the {word}", "", "The authority met today."));
        var inSummary = await site.AddAsync(site.Water, now.AddDays(-5), null, new VersionText("en", "Quarterly report", $"Includes the {word} figures.", "Numbers follow."));
        var inBody = await site.AddAsync(site.Water, now.AddDays(-1), null, new VersionText("en", "Weekly briefing", "", $"Among other things, the {word} was discussed at length by the committee."));

        Assert.Equal([inTitle.Id, inSummary.Id, inBody.Id], FoundIds((await SearchAsync("en", word)).Page));
    }

    [Fact]
    public async Task Filtered_results_are_ranked_the_same_way_and_keep_out_what_the_filters_leave_out()
    {
        var word = Seed.Unique("flood");
        var now = site.Clock!.Now.UtcDateTime;
        var inTitle = await site.AddAsync(site.Water, now.AddDays(-10), null, new VersionText("en", $"Warning of a {word}", "", "Stay away from the valley."));
        var inBody = await site.AddAsync(site.Water, now.AddDays(-2), null, new VersionText("en", "Weekly briefing", "", $"The {word} season begins next month."));
        // Newer, with the word in its title, but of another office: a rank never brings it back.
        await site.AddAsync(site.Health, now.AddDays(-1), null, new VersionText("en", $"Clinics ready for the {word}", "", "All open."));

        var (_, page) = await SearchAsync("en", word, $"&office={site.Water.Code}");

        Assert.Equal([inTitle.Id, inBody.Id], FoundIds(page));
        Assert.Equal("2 releases found", page.Text(".count"));
    }

    [Fact]
    public async Task A_common_word_is_counted_up_to_the_limit_and_pages_end_there_newest_first()
    {
        var word = Seed.Unique("common");
        var start = site.Clock!.Now.UtcDateTime.AddDays(-400);
        var oldest = await site.AddAsync(site.Health, start, null, new VersionText("en", $"Notice {word}", "", "Text"));
        var ids = await site.Seed.WithDbAsync(async db =>
        {
            db.Attach(site.Water);
            var added = new List<int>();
            for (var i = 1; i <= SearchResults.Limit; i++)
            {
                var release = new ImportedRelease(site.Water, ReleaseType.PressRelease, "en", start.AddHours(i), [new VersionText("en", $"Notice {word}", "", "Text")]);
                added.Add((await ReleaseImport.AddAsync(db, release, "tests", CancellationToken.None)).Id);
            }
            return added;
        });

        var (response, first) = await SearchAsync("en", word);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("More than 1000 releases found: add words or filters to narrow the search.", first.Text(".count"));
        Assert.Equal(Enumerable.Reverse(ids).Take(20), FoundIds(first));
        var (_, last) = await SearchAsync("en", word, "&page=50");
        Assert.Equal(ids.Take(20).Reverse(), FoundIds(last));
        var (beyondResponse, beyond) = await SearchAsync("en", word, "&page=51");
        Assert.Equal(HttpStatusCode.NotFound, beyondResponse.StatusCode);
        Assert.Equal("There is no page 51: the results end on page 50.", beyond.Text(".notice"));

        // Narrowed, the oldest is found again and counted exactly.
        var (_, narrowed) = await SearchAsync("en", word, $"&office={site.Health.Code}");
        Assert.Equal([oldest.Id], FoundIds(narrowed));
        Assert.Equal("1 releases found", narrowed.Text(".count"));
    }

    private async Task<(HttpResponseMessage Response, IDocument Page)> SearchAsync(string lang, string query, string filters = "") =>
        await site.Http.GetPageAsync($"/{lang}/search?q={Uri.EscapeDataString(query)}{filters}");

    /// <summary>The release ids of the results, in the order shown, from the links a reader would follow.</summary>
    private static int[] FoundIds(IDocument page) =>
        [.. page.QuerySelectorAll(".results h2 a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[3]))];
}
