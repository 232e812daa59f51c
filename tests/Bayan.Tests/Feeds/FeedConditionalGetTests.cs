using Bayan.Operations;
using System.Net;
using System.Net.Http.Headers;
using Bayan.Editing;
using Bayan.Feeds;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Feeds;

/// <summary>
/// Aggregators poll: a feed answers 304 to a reader who has it (by ETag or by date, with GET or HEAD),
/// and never while the feed has changed.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class FeedConditionalGetTests(FeedTestSite site) : IClassFixture<FeedTestSite>
{
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

    private async Task FileAsync(int releaseId, int[] categories)
    {
        var outcome = await site.InScopeAsync(s => s.GetRequiredService<UpdateReleaseDetails>().RunAsync(
            FeedTestSite.Editor, releaseId, ReleaseType.PressRelease, categories, [], default));
        Assert.IsType<Outcome.Done>(outcome);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditions(request);
        return await site.Http.SendAsync(request);
    }
}
