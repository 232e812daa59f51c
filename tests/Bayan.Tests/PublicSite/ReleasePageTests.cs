using System.Net;
using Bayan.Releases;
using Bayan.Tests.Support;

namespace Bayan.Tests.PublicSite;

[Trait(Suite.Category, Suite.Database)]
public sealed class ReleasePageTests(TestSite site) : IClassFixture<TestSite>
{
    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    [Fact]
    public async Task Arabic_original_is_right_to_left_with_its_title_and_an_iso_date()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 11, 21, 10, 30, 0, DateTimeKind.Utc));

        var (response, page) = await site.Http.GetPageAsync(PathOf(release, "ar"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(release.Versions[0].Title, page.Text("article.release h1"));
        Assert.Null(page.QuerySelector("article.release h1 .translated"));
        var time = page.QuerySelector("article.release time")!;
        Assert.Equal("2024-11-21T13:30:00+03:00", time.GetAttribute("datetime"));
        Assert.Equal("١٩ جمادى الأولى ١٤٤٦ هـ — الخميس، ٢١ نوفمبر ٢٠٢٤ م", time.TextContent.Readable());
        Assert.Contains("البيان", page.Text("article.release .body strong"));
    }

    [Fact]
    public async Task English_translation_is_left_to_right_marked_translated_and_links_to_the_original()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 11, 21, 22, 30, 0, DateTimeKind.Utc));

        var (response, page) = await site.Http.GetPageAsync(PathOf(release, "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("(Translated)", page.Text("article.release h1 .translated"));
        Assert.Equal(PathOf(release, "ar"), page.QuerySelector("article.release .original a")!.GetAttribute("href"));
        // 22:30 UTC is already the next day in Riyadh.
        Assert.Equal("H. 20 Jumada al-Awwal 1446 — M. Friday, 22 November 2024", page.Text("article.release time"));
        Assert.Equal("2024-11-22T01:30:00+03:00", page.QuerySelector("article.release time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Alternates_and_the_language_switcher_name_only_the_versions_that_exist()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "en"));

        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal(["ar", "en"], alternates.Keys.Order());
        Assert.Equal(new Uri(site.BaseAddress, PathOf(release, "ar")).AbsoluteUri, alternates["ar"]);
        Assert.Equal(new Uri(site.BaseAddress, PathOf(release, "en")).AbsoluteUri, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var switcher = page.QuerySelectorAll("nav.languages a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("العربية", PathOf(release, "ar"))], switcher);
        Assert.Equal("English", page.Text("nav.languages [aria-current]"));
    }

    [Fact]
    public async Task A_wrong_or_missing_slug_or_office_redirects_permanently_to_the_canonical_address()
    {
        var office = await site.Seed.OfficeAsync();
        var other = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var canonical = PathOf(release, "en");

        foreach (var wrong in new[]
        {
            $"/en/{office.Code}/{release.Id}/not-the-slug",
            $"/en/{office.Code}/{release.Id}",
            $"/en/{other.Code}/{release.Id}/{release.Versions[1].Slug}",
        })
        {
            var response = await site.Http.GetAsync(wrong);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(canonical, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_release_without_a_version_in_the_language_says_so_and_links_to_the_versions_it_has()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var (response, page) = await site.Http.GetPageAsync($"/tr/{office.Code}/{release.Id}/x");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("tr", page.DocumentElement.GetAttribute("lang"));
        var links = page.QuerySelectorAll("section.error li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([PathOf(release, "ar"), PathOf(release, "en")], links);
    }

    [Fact]
    public async Task Unpublished_future_and_unknown_releases_are_not_found()
    {
        var office = await site.Seed.OfficeAsync();
        var future = await site.Seed.ReleaseAsync(office, publishAt: DateTime.UtcNow.AddDays(1));
        var draft = await site.Seed.ReleaseAsync(office);
        await site.Seed.WithDbAsync(async db =>
        {
            var row = await db.Releases.FindAsync(draft.Id);
            row!.Status = ReleaseStatus.Draft;
            await db.SaveChangesAsync();
        });

        foreach (var path in new[] { PathOf(future, "en"), PathOf(draft, "en"), $"/en/{office.Code}/987654321/x", $"/en/{office.Code}/99999999999999/x" })
        {
            var response = await site.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Page not found", body);
            Html.AssertNoStackTrace(body);
        }
    }

    [Fact]
    public async Task Over_long_and_malformed_slugs_get_a_clear_not_found_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        foreach (var slug in new[] { new string('a', 5000), "bad%20slug!", "%3Cscript%3E", "..%2F..%2Fetc", "-x-" })
        {
            var response = await site.Http.GetAsync($"/en/{office.Code}/{release.Id}/{slug}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Html.AssertNoStackTrace(await response.Content.ReadAsStringAsync());
        }
    }
}
