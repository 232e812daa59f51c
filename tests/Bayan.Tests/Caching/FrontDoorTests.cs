using Bayan.Operations;
using System.Net;
using System.Net.Http.Headers;
using Bayan.Editing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Caching;

/// <summary>
/// A page the output cache has served once from its copy is served from the front door after that:
/// the same answer to the byte, HEAD, 304 and encodings as the output cache answers them, nothing for
/// readers with credentials, and gone with any change and at the end of its window.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class FrontDoorTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private FrontCopies Front => site.Services.GetRequiredService<FrontCopies>();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? encoding = null,
        string? ifNoneMatch = null, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (encoding is not null)
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        adjust?.Invoke(request);
        var response = await site.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? encoding = null) => SendAsync(HttpMethod.Get, path, encoding);

    private static string? CacheOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;

    /// <summary>Rendered, then served from the output cache's copy, which the front door takes; returns that answer.</summary>
    private async Task<HttpResponseMessage> KeepAtTheFrontAsync(string path, string? encoding = null)
    {
        var first = await GetAsync(path, encoding);
        Assert.Equal("miss", CacheOf(first));
        var before = Front.Count;
        var second = await GetAsync(path, encoding);
        Assert.Equal("hit", CacheOf(second));
        Assert.Equal(before + 1, Front.Count);
        return second;
    }

    private async Task<string> PathAsync()
    {
        var office = await site.Seed.OfficeAsync();
        return CacheTestSite.PathOf(await site.ReleaseAsync(office));
    }

    [Fact]
    public async Task The_front_serves_the_answer_the_output_cache_served_byte_for_byte()
    {
        var path = await PathAsync();
        var fromStore = await KeepAtTheFrontAsync(path, "br");
        var count = Front.Count;

        var fromFront = await GetAsync(path, "br");

        Assert.Equal(count, Front.Count);
        Assert.Equal(HttpStatusCode.OK, fromFront.StatusCode);
        Assert.Equal(await fromStore.Content.ReadAsByteArrayAsync(), await fromFront.Content.ReadAsByteArrayAsync());
        Assert.Equal("hit", CacheOf(fromFront));
        Assert.Equal(fromStore.Headers.ETag, fromFront.Headers.ETag);
        Assert.Equal("br", Assert.Single(fromFront.Content.Headers.ContentEncoding));
        Assert.Equal(fromStore.Content.Headers.ContentType, fromFront.Content.Headers.ContentType);
        Assert.Equal(fromStore.Content.Headers.ContentLength, fromFront.Content.Headers.ContentLength);
        Assert.Contains("Accept-Encoding", fromFront.Headers.Vary);
        Assert.NotNull(fromFront.Headers.Age);
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy" })
            Assert.Equal(fromStore.Headers.GetValues(header), fromFront.Headers.GetValues(header));
    }

    [Fact]
    public async Task HEAD_gets_the_headers_of_the_kept_page_without_its_body()
    {
        var path = await PathAsync();
        var kept = await KeepAtTheFrontAsync(path);

        var head = await SendAsync(HttpMethod.Head, path);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("hit", CacheOf(head));
        Assert.Equal(kept.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await kept.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_None_Match_gets_a_304_for_the_kept_page_and_the_page_for_another_tag()
    {
        var path = await PathAsync();
        var kept = await KeepAtTheFrontAsync(path, "gzip");
        var etag = kept.Headers.ETag!.ToString();

        var same = await SendAsync(HttpMethod.Get, path, "gzip", etag);
        var strongForm = await SendAsync(HttpMethod.Get, path, "gzip", etag.Replace("W/", ""));
        var any = await SendAsync(HttpMethod.Get, path, "gzip", "*");
        var other = await SendAsync(HttpMethod.Get, path, "gzip", "W/\"0123456789\"");

        foreach (var notModified in new[] { same, strongForm, any })
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal("hit", CacheOf(notModified));
            Assert.Equal(kept.Headers.ETag, notModified.Headers.ETag);
            Assert.True(notModified.Headers.Contains("Content-Security-Policy"));
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await kept.Content.ReadAsByteArrayAsync(), await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_encoding_has_its_own_copy()
    {
        var path = await PathAsync();
        await KeepAtTheFrontAsync(path, "br");

        var gzip = await GetAsync(path, "gzip");
        var plain = await GetAsync(path);

        Assert.Equal("miss", CacheOf(gzip));
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Equal("miss", CacheOf(plain));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readers_with_credentials_are_never_served_from_the_front()
    {
        var path = await PathAsync();
        await KeepAtTheFrontAsync(path);

        var withAuthorization = await SendAsync(HttpMethod.Get, path,
            adjust: request => request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "ZWRpdG9yOnNlY3JldA=="));
        using var cookieless = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = site.BaseAddress };
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, path);
        withCookie.Headers.Add("Cookie", $"{Web.Admin.AdminSetup.CookieName}=whatever");
        using var signedIn = await cookieless.SendAsync(withCookie);

        Assert.Equal(HttpStatusCode.OK, withAuthorization.StatusCode);
        Assert.Null(CacheOf(withAuthorization));
        Assert.Null(CacheOf(signedIn));
    }

    [Fact]
    public async Task An_edit_drops_the_front_copy_before_the_next_reader()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        await KeepAtTheFrontAsync(path);
        Assert.Equal("hit", CacheOf(await GetAsync(path)));
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en"));
        var title = Seed.Unique("Edited at the front");

        var outcome = await site.RunAsync<SaveVersion, Outcome>(s => s.RunAsync(CacheTestSite.Editor,
            new VersionEdit(release.Id, "en", title, version.Slug, "A new summary", "A new body.", version.ConcurrencyVersion), CancellationToken.None));
        var countAfterEdit = Front.Count;
        var after = await GetAsync(path);

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Equal(0, countAfterEdit);
        Assert.Equal("miss", CacheOf(after));
        Assert.Contains(title, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_copy_ends_with_its_window()
    {
        var path = await PathAsync();
        await KeepAtTheFrontAsync(path);
        Assert.Equal("hit", CacheOf(await GetAsync(path)));

        site.Clock!.Now += TimeSpan.FromMinutes(5);
        try
        {
            Assert.Equal("miss", CacheOf(await GetAsync(path)));
        }
        finally
        {
            site.Clock.Now -= TimeSpan.FromMinutes(5);
        }
    }
}
