using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Tests.Support;

namespace Bayan.Tests.Api;

/// <summary>/api/docs serves the reference page and every file it loads from Bayan itself.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ApiDocsTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_reference_page_loads_only_files_of_the_site_which_serves_them()
    {
        using var response = await site.Http.GetAsync("/api/docs");
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var sources = page.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.StartsWith("/", source);
            Assert.False(source.StartsWith("//", StringComparison.Ordinal), source);
            using var file = await site.Http.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/javascript", file.Content.Headers.ContentType?.MediaType);
        }
        using var scalar = await site.Http.GetAsync("/api/docs/scalar.js");
        Assert.True((await scalar.Content.ReadAsByteArrayAsync()).Length > 100_000, "Scalar's script should be served whole.");
    }
}
