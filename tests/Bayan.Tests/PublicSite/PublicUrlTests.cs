using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Bayan.Sites;

namespace Bayan.Tests.PublicSite;

/// <summary>A site that knows its public address, as one behind a proxy is told (Bayan:PublicUrl).</summary>
public sealed class PublicUrlTestSite : TestSite
{
    public const string Address = "https://news.example.org";

    protected override void Configure(Dictionary<string, string?> settings) => settings["Bayan:PublicUrl"] = Address + "/";
}

/// <summary>Absolute links name the configured public address, with a request by another host or with none at all.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class PublicUrlTests(PublicUrlTestSite site) : IClassFixture<PublicUrlTestSite>
{
    private const string Address = PublicUrlTestSite.Address;
    private const string InnerHost = "bayan-node-1.internal:8080";

    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    private async Task<string> GetByInnerHostAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = InnerHost;
        var response = await site.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_configured_address_wins_over_the_host_a_request_came_by()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var page = await new HtmlParser().ParseDocumentAsync(await GetByInnerHostAsync(PathOf(release, "en")));
        var feed = await GetByInnerHostAsync("/en/feed.atom");
        var sitemap = await GetByInnerHostAsync("/sitemap-en.xml");

        Assert.Equal(Address + PathOf(release, "en"), page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Address + PathOf(release, "en"), page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(Address + PathOf(release, "ar"), page.QuerySelector("link[rel=alternate][hreflang=ar]")!.GetAttribute("href"));
        Assert.Contains($"href=\"{Address}{PathOf(release, "en")}\"", feed);
        Assert.Contains($"<loc>{Address}{PathOf(release, "en")}</loc>", sitemap);
        Assert.DoesNotContain("bayan-node-1", page.DocumentElement.OuterHtml + feed + sitemap);
    }

    [Fact]
    public async Task A_page_rendered_without_any_request_links_to_the_configured_address()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var html = await site.InScopeAsync(async services =>
        {
            // Nothing of a request anywhere: the page is made from the site, its language and its reads.
            Assert.Null(services.GetRequiredService<IHttpContextAccessor>().HttpContext);
            var snapshot = (await services.GetRequiredService<SiteSnapshots>().CurrentAsync(CancellationToken.None))!;
            var content = await HomePage.ContentAsync(snapshot, "en", 1, services.GetRequiredService<HomeQueries>(), CancellationToken.None);
            return await services.GetRequiredService<PageRenderer>().RenderAsync(snapshot, "en", content!);
        });

        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal(Address + "/en/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Address + "/ar/", page.QuerySelector("link[rel=alternate][hreflang=ar]")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == PathOf(release, "en"));
    }
}
