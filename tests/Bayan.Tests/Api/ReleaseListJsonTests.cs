using System.Net;
using System.Text.Json;
using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Bayan.Web.Api.Content;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bayan.Tests.Api;

/// <summary>
/// The release list is written straight to the answer, not through the serializer (ReleaseListAnswer):
/// a client still gets exactly what the serializer writes for the records the OpenAPI document describes.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseListJsonTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    [Fact]
    public async Task The_list_is_byte_for_byte_what_the_serializer_writes_for_its_records()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddDays(-40), number: "1446/07");
        // A slug that must be escaped in the address, quotes and a no-break space that JSON escapes, no reference number.
        await site.Seed.ReleaseAsync(office, title: "بيان \"عاجل\" عن\u00A0الصحة " + Guid.NewGuid().ToString("N")[..6], publishAt: site.Now.AddHours(-3));
        await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-2), english: false);
        var options = site.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        foreach (var path in new[]
        {
            $"/api/v1/releases?office={office.Code}&limit=2",
            $"/api/v1/releases?office={office.Code}&language=en",
            $"/api/v1/releases?office={office.Code}&language=ar",
        })
        {
            var answer = await site.Http.GetApiAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var records = JsonSerializer.Deserialize<ReleaseList>(answer.Body, options)!;
            Assert.NotEmpty(records.Items);
            Assert.Equal(JsonSerializer.Serialize(records, options), answer.Body);
        }
    }

    [Fact]
    public async Task The_empty_list_and_the_last_page_are_what_the_serializer_writes()
    {
        var office = await site.Seed.OfficeAsync();

        var empty = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}");

        Assert.Equal("""{"items":[],"next":null,"nextUrl":null}""", empty.Body);
    }
}
