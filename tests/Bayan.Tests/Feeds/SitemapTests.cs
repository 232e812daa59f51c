using System.Net;
using System.Xml.Linq;
using Bayan.Tests.Support;

namespace Bayan.Tests.Feeds;

/// <summary>robots.txt, the sitemap index, the language sitemaps with their hreflang alternates and the news sitemap, as a crawler reads them.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SitemapTests(FeedTestSite site) : IClassFixture<FeedTestSite>
{
    private static readonly XNamespace Map = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_index_and_keeps_crawlers_out_of_the_back_office()
    {
        var response = await site.Http.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var group = lines.SkipWhile(l => l != "User-agent: *").TakeWhile(l => l.Length > 0).ToList();
        Assert.Contains("Disallow: /admin/", group);
        var sitemap = Assert.Single(lines, l => l.StartsWith("Sitemap: ", StringComparison.Ordinal));
        Assert.Equal($"Sitemap: {site.Absolute("/sitemap.xml")}", sitemap);
        Assert.Equal("sitemapindex", (await XmlAsync("/sitemap.xml")).Name.LocalName);
    }

    [Fact]
    public async Task The_index_lists_each_language_sitemap_and_the_news_sitemap()
    {
        await site.ReleaseAsync(await site.Seed.OfficeAsync());

        var index = await XmlAsync("/sitemap.xml");

        Assert.Equal(Map + "sitemapindex", index.Name);
        var files = index.Elements(Map + "sitemap").Select(s => s.Element(Map + "loc")!.Value).ToList();
        Assert.Equal(["/sitemap-ar.xml", "/sitemap-en.xml", "/sitemap-tr.xml", "/sitemap-news.xml"], files.Select(f => new Uri(f).PathAndQuery));
        Assert.All(files, f => Assert.Equal(site.Absolute(new Uri(f).PathAndQuery), f));
        foreach (var lastmod in index.Descendants(Map + "lastmod"))
            Assert.NotNull(FeedSpecs.Rfc3339(lastmod.Value));
        foreach (var file in files)
            Assert.Equal(Map + "urlset", (await XmlAsync(new Uri(file).PathAndQuery)).Name);
    }

    [Fact]
    public async Task Hreflang_alternates_are_symmetric_and_every_listed_address_answers()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var release = await site.ReleaseAsync(office, category);
        var languages = new[] { "ar", "en", "tr" };

        // Each language's addresses, each with the alternates it lists: language -> address -> (hreflang -> address).
        var sitemaps = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>();
        foreach (var lang in languages)
        {
            var urls = (await XmlAsync($"/sitemap-{lang}.xml")).Elements(Map + "url").ToList();
            sitemaps[lang] = urls.ToDictionary(
                u => u.Element(Map + "loc")!.Value,
                u => u.Elements(Xhtml + "link").Where(l => (string?)l.Attribute("rel") == "alternate")
                    .ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value));
            foreach (var lastmod in urls.Select(u => u.Element(Map + "lastmod")).OfType<XElement>())
                Assert.NotNull(FeedSpecs.Rfc3339(lastmod.Value));
        }

        foreach (var (lang, urls) in sitemaps)
        {
            foreach (var (address, alternates) in urls)
            {
                Assert.True(Uri.IsWellFormedUriString(address, UriKind.Absolute), $"{address} is not absolute");
                Assert.True(alternates.TryGetValue(lang, out var itself) && itself == address, $"{address} does not list itself");
                foreach (var (other, otherAddress) in alternates.Where(a => a.Key != lang))
                {
                    Assert.True(sitemaps[other].TryGetValue(otherAddress, out var back), $"{address} names {otherAddress}, which sitemap-{other}.xml lacks");
                    Assert.True(back!.TryGetValue(lang, out var returned) && returned == address, $"{otherAddress} does not name {address} back");
                }
            }
        }

        Assert.Equal([site.Absolute(Paths.Release(release, "ar")), site.Absolute(Paths.Release(release, "en"))],
            sitemaps["ar"][site.Absolute(Paths.Release(release, "ar"))].Values);
        Assert.Equal(languages, sitemaps["tr"][site.Absolute("/tr/")].Keys);
        Assert.Contains(site.Absolute(Paths.Category("ar", category)), sitemaps["ar"].Keys);
        Assert.Contains(site.Absolute(Paths.Office("tr", office)), sitemaps["tr"].Keys);
        Assert.DoesNotContain(sitemaps["tr"].Keys, a => a.Contains($"/{release.Id}/", StringComparison.Ordinal));

        // A crawler follows every address: none may lead nowhere.
        foreach (var address in sitemaps.Values.SelectMany(u => u.Keys))
        {
            var response = await site.Http.GetAsync(new Uri(address).PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_news_sitemap_holds_the_releases_of_the_last_48_hours_only()
    {
        var office = await site.Seed.OfficeAsync();
        var recent = await site.ReleaseAsync(office, minutesAgo: 60);
        var older = await site.ReleaseAsync(office, minutesAgo: 47 * 60);
        var tooOld = await site.ReleaseAsync(office, minutesAgo: 49 * 60);
        var future = await site.ReleaseAsync(office, minutesAgo: -60);

        var news = await NewsAsync();

        Assert.Contains(site.Absolute(Paths.Release(recent, "ar")), news.Keys);
        Assert.Contains(site.Absolute(Paths.Release(recent, "en")), news.Keys);
        Assert.Contains(site.Absolute(Paths.Release(older, "en")), news.Keys);
        Assert.DoesNotContain(news.Keys, a => a.Contains($"/{tooOld.Id}/", StringComparison.Ordinal));
        Assert.DoesNotContain(news.Keys, a => a.Contains($"/{future.Id}/", StringComparison.Ordinal));
        var entry = news[site.Absolute(Paths.Release(recent, "en"))];
        Assert.Equal("Test Newsroom", entry.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", entry.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal(recent.Versions.Single(v => v.Language == "en").Title, entry.Element(News + "title")!.Value);
        Assert.Equal(new DateTimeOffset(recent.PublishAt!.Value, TimeSpan.Zero), FeedSpecs.Rfc3339(entry.Element(News + "publication_date")!.Value));

        // Two hours on, the release of 47 hours ago is past the window and the future one is out.
        site.Advance(TimeSpan.FromHours(2));
        var later = await NewsAsync();

        Assert.Contains(site.Absolute(Paths.Release(recent, "en")), later.Keys);
        Assert.DoesNotContain(later.Keys, a => a.Contains($"/{older.Id}/", StringComparison.Ordinal));
        Assert.Contains(site.Absolute(Paths.Release(future, "en")), later.Keys);
    }

    [Theory]
    [InlineData("/sitemap-fr.xml")]
    [InlineData("/sitemap-xx.xml")]
    [InlineData("/sitemap-en.xml?page=2")]
    [InlineData("/sitemap-en.xml?page=0")]
    public async Task A_sitemap_that_does_not_exist_is_404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(path)).StatusCode);
    }

    private async Task<Dictionary<string, XElement>> NewsAsync()
    {
        var urls = (await XmlAsync("/sitemap-news.xml")).Elements(Map + "url").ToList();
        Assert.True(urls.Count <= 1000, "a news sitemap holds at most 1,000 addresses");
        return urls.ToDictionary(u => u.Element(Map + "loc")!.Value, u => u.Element(News + "news")!);
    }

    /// <summary>The document's root; fails unless it comes as XML and is well-formed.</summary>
    private async Task<XElement> XmlAsync(string path)
    {
        var response = await site.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }
}
