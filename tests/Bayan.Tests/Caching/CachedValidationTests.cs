using System.Net;
using System.Net.Http.Headers;
using Bayan.Tests.Support;

namespace Bayan.Tests.Caching;

/// <summary>Kept pages still answer If-None-Match with 304, and travel compressed as the reader asks.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class CachedValidationTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? encoding = null, EntityTagHeaderValue? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        if (etag is not null)
            request.Headers.IfNoneMatch.Add(etag);
        return await site.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_kept_page_is_compressed_as_asked_and_answers_304(string encoding)
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        await GetAsync(path, encoding);
        await GetAsync(path);

        var kept = await GetAsync(path, encoding);
        var plain = await GetAsync(path);
        var notModified = await GetAsync(path, encoding, kept.Headers.ETag);

        Assert.Equal("hit", kept.Headers.GetValues("X-Cache").Single());
        Assert.Equal(encoding, Assert.Single(kept.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", kept.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await plain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("hit", notModified.Headers.GetValues("X-Cache").Single());
    }

    [Fact]
    public async Task A_kept_page_carries_the_security_headers()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        await GetAsync(CacheTestSite.PathOf(release));

        var kept = await GetAsync(CacheTestSite.PathOf(release));

        Assert.Equal("hit", kept.Headers.GetValues("X-Cache").Single());
        Assert.Contains("default-src 'self'", kept.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", kept.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", kept.Headers.GetValues("X-Frame-Options").Single());
    }
}
