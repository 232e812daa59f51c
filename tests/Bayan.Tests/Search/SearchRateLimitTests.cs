using System.Net;
using Bayan.Tests.Support;

namespace Bayan.Tests.Search;

public sealed class ThriftySearchSite : TestSite
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Bayan:Search:PerAddress"] = "3";
}

/// <summary>Search costs the database more than a page: a robot searching without pause is told to slow down.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SearchRateLimitTests(ThriftySearchSite site) : IClassFixture<ThriftySearchSite>
{
    [Fact]
    public async Task Searches_beyond_the_limit_per_address_get_a_clear_too_many_requests_page()
    {
        var statuses = new List<HttpStatusCode>();
        var last = "";
        for (var i = 0; i < 5; i++)
        {
            var response = await site.Http.GetAsync($"/en/search?q=water{i}");
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many requests", last);
        Html.AssertNoStackTrace(last);
        // A search asked before is answered from the page cache, which costs nothing and counts nothing.
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync("/en/search?q=water0")).StatusCode);
        // Pages other than search are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync("/en/")).StatusCode);
    }
}
