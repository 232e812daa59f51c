using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bayan.Editing;
using Bayan.Feeds;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task A_reader_that_has_the_feed_gets_304_by_etag_or_by_date_until_it_changes()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office, minutesAgo: 120);
        var paths = FeedFormats.All.Select(f => Paths.Feed(Paths.Office("en", office), f)).ToList();
        var before = new Dictionary<string, (EntityTagHeaderValue ETag, DateTimeOffset LastModified)>();

        foreach (var path in paths)
        {
            var first = await site.Http.GetAsync(path);
            var etag = first.Headers.ETag!;
            var lastModified = first.Content.Headers.LastModified!.Value;
            before[path] = (etag, lastModified);

            var byTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
            var byDate = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified);
            var byEarlierDate = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));

            Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
            Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, byTag.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
            Assert.Equal(HttpStatusCode.OK, byEarlierDate.StatusCode);
        }

        site.Advance(TimeSpan.FromMinutes(1));
        await site.RetitleAsync(release.Id, "en", $"Corrected {release.Versions.Single(v => v.Language == "en").Title}");

        foreach (var path in paths)
        {
            var (etag, lastModified) = before[path];
            var byTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
            var byDate = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified);

            Assert.Equal(HttpStatusCode.OK, byTag.StatusCode);
            Assert.NotEqual(etag, byTag.Headers.ETag);
            Assert.Equal(HttpStatusCode.OK, byDate.StatusCode);
            Assert.True(byDate.Content.Headers.LastModified > lastModified, $"{path}: Last-Modified did not move");
        }
    }

    [Fact]
    public async Task Filing_a_release_under_a_category_or_taking_it_out_changes_the_category_feed_for_a_reader_asking_by_date()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var filed = await site.ReleaseAsync(office, category, minutesAgo: 30);
        var older = await site.ReleaseAsync(office, minutesAgo: 120);
        var path = Paths.Feed(Paths.Category("en", category), FeedFormat.Atom);
        var olderTitle = older.Versions.Single(v => v.Language == "en").Title;
        var filedTitle = filed.Versions.Single(v => v.Language == "en").Title;

        var first = await FeedReader.FetchAsync(site.Http, path);
        site.Advance(TimeSpan.FromMinutes(1));
        await FileAsync(older.Id, [category.Id]);
        var afterFiling = await SendAsync(path, r => r.Headers.IfModifiedSince = first.Response.Content.Headers.LastModified);
        var second = await FeedReader.FetchAsync(site.Http, path);
        site.Advance(TimeSpan.FromMinutes(1));
        await FileAsync(filed.Id, []);
        var afterRemoval = await SendAsync(path, r => r.Headers.IfModifiedSince = second.Response.Content.Headers.LastModified);
        var third = await FeedReader.FetchAsync(site.Http, path);

        Assert.Null(first.EntryTitled(olderTitle));
        Assert.Equal(HttpStatusCode.OK, afterFiling.StatusCode);
        Assert.NotNull(second.EntryTitled(olderTitle));
        Assert.Equal(HttpStatusCode.OK, afterRemoval.StatusCode);
        Assert.Null(third.EntryTitled(filedTitle));
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
    public async Task A_head_request_gets_the_validators_of_the_get_without_the_document()
    {
        var office = await site.Seed.OfficeAsync();
        await site.ReleaseAsync(office);
        var paths = FeedFormats.All.Select(f => Paths.Feed(Paths.Office("en", office), f)).Append("/sitemap-en.xml").Append("/sitemap.xml");

        foreach (var path in paths)
        {
            var get = await site.Http.GetAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Head, path);
            var head = await site.Http.SendAsync(request);
            using var again = new HttpRequestMessage(HttpMethod.Head, path);
            again.Headers.IfNoneMatch.Add(get.Headers.ETag!);
            var notModified = await site.Http.SendAsync(again);

            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
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
    private async Task<Dictionary<FeedFormat, FeedEntry>> EntriesAsync(Bayan.Offices.Office office, string lang, string title)
    {
        var entries = new Dictionary<FeedFormat, FeedEntry>();
        foreach (var format in FeedFormats.All)
        {
            var feed = await FeedReader.FetchAsync(site.Http, Paths.Feed(Paths.Office(lang, office), format));
            entries[format] = Assert.Single(feed.Entries, e => e.Title == title);
        }
        return entries;
    }

    private async Task FileAsync(int releaseId, int[] categories)
    {
        var outcome = await site.InScopeAsync(s => s.GetRequiredService<UpdateReleaseDetails>().RunAsync(
            FeedTestSite.Editor, releaseId, ReleaseType.PressRelease, categories, [], default));
        Assert.IsType<EditOutcome.Done>(outcome);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditions(request);
        return await site.Http.SendAsync(request);
    }
}
