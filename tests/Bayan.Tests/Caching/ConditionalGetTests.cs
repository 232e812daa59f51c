using System.Net;
using System.Net.Http.Headers;
using Bayan.Tests.Support;

namespace Bayan.Tests.Caching;

[Trait(Suite.Category, Suite.Database)]
public sealed class ConditionalGetTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_reader_who_has_the_page_gets_304_and_a_changed_page_gets_a_new_etag()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office);
        var path = $"/en/{office.Code}/";

        var first = await site.Http.GetAsync(path);
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await site.Http.SendAsync(again);
        await site.Seed.ReleaseAsync(office);
        using var after = new HttpRequestMessage(HttpMethod.Get, path);
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await site.Http.SendAsync(after);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Text_travels_compressed(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await site.Http.SendAsync(request);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Error_pages_and_the_back_office_carry_no_etag()
    {
        Assert.Null((await site.Http.GetAsync("/en/no-such-office/")).Headers.ETag);
        Assert.Null((await site.Http.GetAsync("/admin/login")).Headers.ETag);
    }
}
