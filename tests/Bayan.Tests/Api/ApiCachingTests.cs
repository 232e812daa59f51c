using System.Net;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>API answers carry ETags, are kept in the page cache and dropped by the same changes as the pages.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ApiCachingTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    [Fact]
    public async Task A_client_with_the_etag_gets_304_and_a_second_reader_gets_the_kept_copy()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        foreach (var path in new[] { $"/api/v1/releases?office={office.Code}", $"/api/v1/releases/{release.Id}", "/api/v1/offices" })
        {
            var first = await site.Http.GetApiAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.Status);
            Assert.NotNull(first.ETag);

            var again = await site.Http.GetApiAsync(path, ifNoneMatch: first.ETag);
            var kept = await site.Http.GetApiAsync(path);

            Assert.Equal(HttpStatusCode.NotModified, again.Status);
            Assert.Equal("", again.Body);
            Assert.Equal("hit", kept.Cache);
            Assert.Equal(first.Body, kept.Body);
            Assert.Equal(first.ETag, kept.ETag);
        }
    }

    [Fact]
    public async Task A_kept_list_shows_a_release_as_soon_as_it_is_published_and_a_kept_release_its_edit()
    {
        var office = await site.Seed.OfficeAsync();
        var shown = await site.ReleaseAsync(office);
        var draft = await site.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == draft.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Draft).SetProperty(r => r.PublishAt, (DateTime?)null)));
        var list = $"/api/v1/releases?office={office.Code}&language=en";
        var one = $"/api/v1/releases/{shown.Id}";
        var bystander = await site.ReleaseAsync(await site.Seed.OfficeAsync());
        var other = $"/api/v1/releases/{bystander.Id}";
        // Read before the copies are made: test data written behind the services' backs drops every copy.
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == shown.Id && v.Language == "en"));
        foreach (var path in new[] { list, one, other })
        {
            await site.Http.GetApiAsync(path);
            Assert.Equal("hit", (await site.Http.GetApiAsync(path)).Cache);
        }

        Assert.IsType<Outcome.Done>(await site.RunAsync<PublishRelease, Outcome>(p => p.RunAsync(CacheTestSite.Editor, draft.Id, CancellationToken.None)));
        var title = Seed.Unique("Edited title");
        Assert.IsType<Outcome.Done>(await site.RunAsync<SaveVersion, Outcome>(s => s.RunAsync(CacheTestSite.Editor,
            new VersionEdit(shown.Id, "en", title, version.Slug, "A new summary", "A new body.", version.ConcurrencyVersion), CancellationToken.None)));

        var fresh = await site.Http.GetApiAsync(list);
        Assert.NotEqual("hit", fresh.Cache);
        Assert.Equal([draft.Id, shown.Id], fresh.Ids.Take(2));
        Assert.Contains(title, (await site.Http.GetApiAsync(one)).Body);
        Assert.Equal("hit", (await site.Http.GetApiAsync(other)).Cache);
    }

    [Fact]
    public async Task A_request_with_a_token_is_never_answered_from_the_cache()
    {
        var office = await site.Seed.OfficeAsync();
        await site.ReleaseAsync(office);
        var path = $"/api/v1/releases?office={office.Code}";
        await site.Http.GetApiAsync(path);
        Assert.Equal("hit", (await site.Http.GetApiAsync(path)).Cache);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "anything");
        using var response = await site.Http.SendAsync(request);

        Assert.False(response.Headers.Contains("X-Cache"));
    }
}
