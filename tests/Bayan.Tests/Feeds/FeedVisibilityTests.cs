using Bayan.Operations;
using System.Net;
using System.Xml.Linq;
using Bayan.Categories;
using Bayan.Editing;
using Bayan.Feeds;
using Bayan.Offices;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Feeds;

/// <summary>Drafts, scheduled (embargoed) and retracted releases never reach a feed or a sitemap; published ones reach all.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class FeedVisibilityTests(FeedTestSite site) : IClassFixture<FeedTestSite>
{
    [Fact]
    public async Task Drafts_and_scheduled_releases_stay_out_until_published_and_then_appear_everywhere()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var published = await site.ReleaseAsync(office, category);
        var draft = await DraftAsync(office, category);
        var scheduled = await DraftAsync(office, category);
        var at = site.Now.AddHours(1);
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(FeedTestSite.Editor, scheduled, at, default)));

        foreach (var (address, text) in await DocumentsAsync(office, category))
        {
            Assert.True(text.Contains(Marker(office, published.Id)), $"{address} lacks the published release");
            Assert.False(text.Contains(Marker(office, draft)), $"{address} shows a draft");
            Assert.False(text.Contains(Marker(office, scheduled)), $"{address} shows a release before its time");
        }

        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<PublishRelease>().RunAsync(FeedTestSite.Editor, draft, default)));
        site.Clock!.Now = new DateTimeOffset(at.AddSeconds(1), TimeSpan.Zero);
        Assert.True(await Eventually.TrueAsync(() => site.Seed.WithDbAsync(db =>
            db.Releases.AnyAsync(r => r.Id == scheduled && r.Status == ReleaseStatus.Published))), "the scheduler did not publish the release");

        foreach (var (address, text) in await DocumentsAsync(office, category))
        {
            Assert.True(text.Contains(Marker(office, draft)), $"{address} lacks the release published from draft");
            Assert.True(text.Contains(Marker(office, scheduled)), $"{address} lacks the release published at its time");
        }
    }

    [Fact]
    public async Task A_retracted_release_leaves_every_feed_and_sitemap_and_the_feeds_say_they_changed()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var staying = await site.ReleaseAsync(office, category, minutesAgo: 60);
        var retracted = await site.ReleaseAsync(office, category, minutesAgo: 30);
        var feed = Paths.Feed(Paths.Office("en", office), FeedFormat.Atom);
        Assert.All(await DocumentsAsync(office, category), d => Assert.Contains(Marker(office, retracted.Id), d.Text));
        var before = await site.Http.GetAsync(feed);

        site.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s =>
            s.GetRequiredService<ReleaseWorkflow>().RetractAsync(FeedTestSite.Editor, retracted.Id, "Issued in error.", default)));

        foreach (var (address, text) in await DocumentsAsync(office, category))
        {
            Assert.True(text.Contains(Marker(office, staying.Id)), $"{address} lost a release still published");
            Assert.False(text.Contains(Marker(office, retracted.Id)), $"{address} still shows a retracted release");
        }
        using var byTag = new HttpRequestMessage(HttpMethod.Get, feed);
        byTag.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, feed);
        byDate.Headers.IfModifiedSince = before.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.OK, (await site.Http.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.SendAsync(byDate)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await site.Http.GetAsync(Paths.Release(retracted, "en"))).StatusCode);
    }

    /// <summary>What every feed and sitemap names a release by: its address, "/{office}/{id}/...".</summary>
    private static string Marker(Office office, int releaseId) => $"/{office.Code}/{releaseId}/";

    /// <summary>A draft in Arabic with an English translation, filed under the category.</summary>
    private async Task<int> DraftAsync(Office office, Category category)
    {
        var title = Seed.Unique("draft");
        var created = await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(FeedTestSite.Editor,
            new NewRelease(office.Id, ReleaseType.PressRelease, "ar", $"بيان {title}", null, "ملخص", "نص", [category.Id], []), default));
        var id = Assert.IsType<Outcome.Done>(created).ReleaseId;
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(FeedTestSite.Editor,
            new VersionEdit(id, "en", $"Statement {title}", null, "Summary", "Text", null), default)));
        return id;
    }

    /// <summary>
    /// Every public document that lists releases of the office: the feeds of the site, the office and the
    /// category in Arabic and English and in every format (each checked valid), the two language sitemaps
    /// and the news sitemap.
    /// </summary>
    private async Task<List<(string Address, string Text)>> DocumentsAsync(Office office, Category category)
    {
        var documents = new List<(string, string)>();
        foreach (var lang in new[] { "ar", "en" })
        {
            foreach (var listing in Paths.Listings(lang, office, category))
            {
                foreach (var format in FeedFormats.All)
                {
                    var feed = await FeedReader.FetchAsync(site.Http, Paths.Feed(listing, format));
                    documents.Add((feed.Address, System.Text.Encoding.UTF8.GetString(feed.Bytes)));
                }
            }
        }
        foreach (var sitemap in new[] { "/sitemap-ar.xml", "/sitemap-en.xml", "/sitemap-news.xml" })
        {
            var response = await site.Http.GetAsync(sitemap);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            XDocument.Parse(text);
            documents.Add((sitemap, text));
        }
        Assert.Equal(21, documents.Count);
        return documents;
    }
}
