using System.Net;
using System.Text;
using Bayan.Feeds;
using Bayan.Offices;
using Bayan.Tests.Support;

namespace Bayan.Tests.Feeds;

/// <summary>The feeds of the site, an office and a category, fetched over HTTP as an aggregator fetches them.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class FeedEndpointTests(FeedTestSite site) : IClassFixture<FeedTestSite>
{
    [Fact]
    public async Task Every_feed_is_valid_in_its_language_names_itself_and_leads_to_the_release()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var release = await site.ReleaseAsync(office, category);
        var checkedPages = new HashSet<string>();

        foreach (var lang in new[] { "ar", "en", "tr" })
        {
            foreach (var listing in Paths.Listings(lang, office, category))
            {
                foreach (var format in FeedFormats.All)
                {
                    var feed = await FeedReader.FetchAsync(site.Http, Paths.Feed(listing, format));

                    Assert.Equal(lang, feed.Language);
                    Assert.Equal(feed.Address, feed.Self);
                    var version = release.Versions.SingleOrDefault(v => v.Language == lang);
                    if (version is null)
                    {
                        // No Turkish version: the Turkish feeds leave the release out, and are still valid.
                        Assert.DoesNotContain(feed.Entries, e => e.Url.Contains($"/{release.Id}/", StringComparison.Ordinal));
                        continue;
                    }
                    var entry = Assert.Single(feed.Entries, e => e.Title == version.Title);
                    Assert.Equal(site.Absolute(Paths.Release(release, lang)), entry.Url);
                    Assert.Contains($"lang=\"{lang}\"", entry.ContentHtml);
                    if (checkedPages.Add(entry.Url))
                    {
                        var (page, document) = await site.Http.GetPageAsync(new Uri(entry.Url).PathAndQuery);
                        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                        Assert.Equal(entry.Url, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
                    }
                }
            }
        }
        Assert.Equal(2, checkedPages.Count);
    }

    [Fact]
    public async Task Entry_ids_stay_the_same_across_fetches_and_when_title_and_address_change()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var english = release.Versions.Single(v => v.Language == "en").Title;

        var first = await EntriesAsync(office, "en", english);
        var second = await EntriesAsync(office, "en", english);
        site.Advance(TimeSpan.FromMinutes(1));
        await site.RetitleAsync(release.Id, "en", $"Revised {english}");
        var edited = await EntriesAsync(office, "en", $"Revised {english}");
        var arabic = await EntriesAsync(office, "ar", release.Versions.Single(v => v.Language == "ar").Title);

        Assert.Equal(first, second);
        foreach (var format in FeedFormats.All)
        {
            Assert.Equal(first[format].Id, edited[format].Id);
            Assert.NotEqual(first[format].Url, edited[format].Url);
            Assert.NotEqual(first[format].Id, arabic[format].Id);
        }
        // The same release has the same id in Atom, RSS (its guid) and JSON Feed.
        Assert.Single(first.Values.Select(e => e.Id).Distinct());
    }

    [Fact]
    public async Task Markup_in_a_title_or_summary_stays_text_and_scripts_never_reach_the_content()
    {
        var office = await site.Seed.OfficeAsync();
        const string Text = "<script>alert('x')</script> R&D & \"Q&A\" <b>";
        var release = await site.ReleaseAsync(office, title: Seed.Unique(Text));
        var title = release.Versions.Single(v => v.Language == "en").Title;

        foreach (var format in FeedFormats.All)
        {
            var feed = await FeedReader.FetchAsync(site.Http, Paths.Feed(Paths.Office("en", office), format));

            var entry = Assert.Single(feed.Entries, e => e.Title == title);
            Assert.StartsWith($"Summary of {Text}", entry.Summary);
            Assert.DoesNotContain("<script", entry.ContentHtml, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<em>statement</em>", entry.ContentHtml);
            if (format != FeedFormat.Json)
                Assert.DoesNotContain("<script", Encoding.UTF8.GetString(feed.Bytes), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_unknown_language_office_or_category_has_no_feed()
    {
        var category = await site.Seed.CategoryAsync();
        var english = Uri.EscapeDataString(category.Names.Single(n => n.Language == "en").Slug);
        string[] missing =
        [
            "/xx/feed.atom", "/fr/feed.rss", "/en/no-such-office/feed.json", "/en/category/no-such-category/feed.atom",
            // The category exists, but has no Turkish name, and its English address is not its Arabic one.
            $"/tr/category/{english}/feed.rss", $"/ar/category/{english}/feed.json",
        ];

        foreach (var path in missing)
        {
            var response = await site.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Null(response.Headers.ETag);
            Html.AssertNoStackTrace(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_category_feed_holds_its_subcategories_releases_as_the_category_page_does()
    {
        var office = await site.Seed.OfficeAsync();
        var parent = await site.Seed.CategoryAsync();
        var child = await site.Seed.CategoryAsync(parent);
        var release = await site.ReleaseAsync(office, child);
        var title = release.Versions.Single(v => v.Language == "en").Title;

        var (_, page) = await site.Http.GetPageAsync(Paths.Category("en", parent));

        Assert.Contains(title, page.Body!.TextContent);
        foreach (var format in FeedFormats.All)
            Assert.NotNull((await FeedReader.FetchAsync(site.Http, Paths.Feed(Paths.Category("en", parent), format))).EntryTitled(title));
    }

    [Fact]
    public async Task Home_office_and_category_pages_announce_their_own_feeds()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        await site.ReleaseAsync(office, category);

        foreach (var lang in new[] { "ar", "en" })
        {
            foreach (var listing in Paths.Listings(lang, office, category))
            {
                var (_, page) = await site.Http.GetPageAsync(listing);
                foreach (var format in FeedFormats.All)
                {
                    var link = Assert.Single(page.Head!.QuerySelectorAll($"link[rel=alternate][type='{format.MediaType()}']"));
                    var href = link.GetAttribute("href")!;
                    Assert.Equal(site.Absolute(Paths.Feed(listing, format)), href);
                    Assert.False(string.IsNullOrWhiteSpace(link.GetAttribute("title")), $"{listing}: the {format} link has no title");

                    var feed = await FeedReader.FetchAsync(site.Http, new Uri(href).PathAndQuery);
                    Assert.Equal(href, feed.Self);
                    Assert.Equal(lang, feed.Language);
                }
            }
        }
    }

    /// <summary>The release's entry titled <paramref name="title"/> in each format of the office's feed.</summary>
    private async Task<Dictionary<FeedFormat, FeedEntry>> EntriesAsync(Office office, string lang, string title)
    {
        var entries = new Dictionary<FeedFormat, FeedEntry>();
        foreach (var format in FeedFormats.All)
        {
            var feed = await FeedReader.FetchAsync(site.Http, Paths.Feed(Paths.Office(lang, office), format));
            entries[format] = Assert.Single(feed.Entries, e => e.Title == title);
        }
        return entries;
    }
}
