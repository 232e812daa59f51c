using System.Net;
using Bayan.Tests.Support;

namespace Bayan.Tests.PublicSite;

[Trait(Suite.Category, Suite.Database)]
public sealed class ArchiveTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Office_archive_lists_months_with_counts_in_both_calendars()
    {
        var office = await site.Seed.OfficeAsync();
        // Two in Ramadan 1445 (March 2024), one in Shawwal 1445 (April 2024), one on 9 April (still Ramadan).
        await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 3, 12, 9, 0, 0, DateTimeKind.Utc));
        await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 3, 20, 9, 0, 0, DateTimeKind.Utc));
        await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 4, 9, 9, 0, 0, DateTimeKind.Utc));
        await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 4, 15, 9, 0, 0, DateTimeKind.Utc));

        var (response, page) = await site.Http.GetPageAsync($"/en/{office.Code}/archive/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var months = page.QuerySelectorAll(".archive li").Select(li => li.TextContent.Trim().Readable()).ToList();
        Assert.Equal(
        [
            "Shawwal 1445 (1)", "Ramadan 1445 (3)",
            "April 2024 (2)", "March 2024 (2)",
        ], months);
        Assert.Equal($"/en/{office.Code}/archive/hijri/1445/09/", page.QuerySelectorAll(".archive a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Month_pages_list_the_releases_of_that_month()
    {
        var office = await site.Seed.OfficeAsync();
        var march = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 3, 12, 9, 0, 0, DateTimeKind.Utc));
        var lateRamadan = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 4, 9, 9, 0, 0, DateTimeKind.Utc));
        await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 5, 1, 9, 0, 0, DateTimeKind.Utc));

        var (_, gregorian) = await site.Http.GetPageAsync($"/en/{office.Code}/archive/2024/03/");
        var (_, hijri) = await site.Http.GetPageAsync($"/ar/{office.Code}/archive/hijri/1445/09/");

        Assert.Equal([march.Versions[1].Title], gregorian.QuerySelectorAll(".card h3 a").Select(a => a.TextContent));
        Assert.EndsWith("March 2024", gregorian.Text("main h1"));
        Assert.Equal([lateRamadan.Versions[0].Title, march.Versions[0].Title], hijri.QuerySelectorAll(".card h3 a").Select(a => a.TextContent));
        Assert.EndsWith("رمضان ١٤٤٥", hijri.Text("main h1"));
    }

    [Fact]
    public async Task Site_archive_covers_every_office()
    {
        var one = await site.Seed.OfficeAsync();
        var two = await site.Seed.OfficeAsync();
        var a = await site.Seed.ReleaseAsync(one, publishAt: new DateTime(2023, 1, 10, 9, 0, 0, DateTimeKind.Utc));
        var b = await site.Seed.ReleaseAsync(two, publishAt: new DateTime(2023, 1, 11, 9, 0, 0, DateTimeKind.Utc));

        var (_, index) = await site.Http.GetPageAsync("/en/archive/");
        var (_, month) = await site.Http.GetPageAsync("/en/archive/2023/01/");

        Assert.Contains(index.QuerySelectorAll(".archive li"), li => li.TextContent.Trim().Readable() == "January 2023 (2)");
        Assert.Equal([b.Versions[1].Title, a.Versions[1].Title], month.QuerySelectorAll(".card h3 a").Select(x => x.TextContent));
    }

    [Theory]
    [InlineData("/en/archive/2024/13/")]
    [InlineData("/en/archive/0/01/")]
    [InlineData("/en/archive/abc/01/")]
    [InlineData("/en/archive/2024/xx/")]
    [InlineData("/en/archive/hijri/1600/01/")]
    [InlineData("/en/archive/hijri/1445/00/")]
    [InlineData("/en/no-such-office/archive/")]
    [InlineData("/en/archive/99999999999/01/")]
    public async Task Bad_archive_addresses_are_not_found(string path)
    {
        var (response, page) = await site.Http.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Text("section.error h1"));
    }
}
