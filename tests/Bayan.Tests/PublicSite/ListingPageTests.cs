using System.Net;
using Bayan.Tests.Support;

namespace Bayan.Tests.PublicSite;

[Trait(Suite.Category, Suite.Database)]
public sealed class ListingPageTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Home_page_lists_the_newest_release_of_its_language_and_a_block_per_office()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: DateTime.UtcNow.AddSeconds(-1));

        var (response, page) = await site.Http.GetPageAsync("/en/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Test Newsroom", page.Text(".brand"));
        Assert.Equal(release.Versions[1].Title, page.Text("section.latest .card h3 a"));
        Assert.Equal("(Translated)", page.Text("section.latest .card h3 .translated"));
        Assert.Contains(page.QuerySelectorAll(".block h3 a"), a => a.TextContent == $"Office {office.Code}");
        Assert.NotNull(page.QuerySelector("section.latest .card time[datetime]"));
    }

    [Fact]
    public async Task A_release_only_in_arabic_is_listed_in_arabic_but_not_in_english()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, english: false);

        var (_, arabic) = await site.Http.GetPageAsync($"/ar/{office.Code}/");
        var (_, english) = await site.Http.GetPageAsync($"/en/{office.Code}/");

        Assert.Equal([release.Versions[0].Title], arabic.QuerySelectorAll(".card h3 a").Select(a => a.TextContent));
        Assert.Empty(english.QuerySelectorAll(".card"));
        Assert.Equal("Nothing has been published here yet.", english.Text(".empty"));
    }

    [Fact]
    public async Task Office_page_lists_only_that_office_with_its_localized_name()
    {
        var office = await site.Seed.OfficeAsync();
        var other = await site.Seed.OfficeAsync();
        var mine = await site.Seed.ReleaseAsync(office);
        await site.Seed.ReleaseAsync(other);

        var (response, page) = await site.Http.GetPageAsync($"/ar/{office.Code}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"مكتب {office.Code}", page.Text("main h1"));
        Assert.Equal([mine.Versions[0].Title], page.QuerySelectorAll(".card h3 a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Pages_of_a_listing_link_to_each_other_and_pages_past_the_end_are_clear_errors()
    {
        var office = await site.Seed.OfficeAsync();
        var start = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < 25; i++)
            await site.Seed.ReleaseAsync(office, title: $"n{i:00}", publishAt: start.AddMinutes(i));
        var path = $"/en/{office.Code}/";

        var (_, first) = await site.Http.GetPageAsync(path);
        var (_, second) = await site.Http.GetPageAsync(path + "?page=2");

        Assert.Equal(20, first.QuerySelectorAll(".card").Length);
        Assert.Equal("Statement n24", first.Text(".card h3 a"));
        Assert.Equal(path + "?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("Page 1 of 2", first.Text(".pager p"));
        Assert.Equal(5, second.QuerySelectorAll(".card").Length);
        Assert.Equal("Statement n04", second.Text(".card h3 a"));
        Assert.Equal(path, second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("a[rel=next]"));

        foreach (var (query, status) in new[]
        {
            ("?page=3", HttpStatusCode.NotFound),
            ("?page=0", HttpStatusCode.NotFound),
            ("?page=1000000000", HttpStatusCode.NotFound),
            ("?page=99999999999999999999", HttpStatusCode.BadRequest),
            ("?page=abc", HttpStatusCode.BadRequest),
            ("?page=-1", HttpStatusCode.BadRequest),
        })
        {
            var (response, page) = await site.Http.GetPageAsync(path + query);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.NotEmpty(page.Text("section.error p"));
        }
    }

    [Fact]
    public async Task Arabic_pager_uses_arabic_digits()
    {
        var office = await site.Seed.OfficeAsync();
        for (var i = 0; i < 21; i++)
            await site.Seed.ReleaseAsync(office, publishAt: DateTime.UtcNow.AddHours(-i - 1));

        var (_, page) = await site.Http.GetPageAsync($"/ar/{office.Code}/?page=2");

        Assert.Equal("الصفحة ٢ من ٢", page.Text(".pager p"));
    }

    [Fact]
    public async Task Category_page_lists_releases_of_the_category_and_its_subcategories_in_each_language()
    {
        var office = await site.Seed.OfficeAsync();
        var parent = await site.Seed.CategoryAsync();
        var child = await site.Seed.CategoryAsync(parent);
        var inParent = await site.Seed.ReleaseAsync(office, category: parent, publishAt: DateTime.UtcNow.AddMinutes(-2));
        var inChild = await site.Seed.ReleaseAsync(office, category: child, publishAt: DateTime.UtcNow.AddMinutes(-1));
        await site.Seed.ReleaseAsync(office);
        var englishSlug = parent.Names.Single(n => n.Language == "en").Slug;

        var (response, page) = await site.Http.GetPageAsync($"/en/category/{englishSlug}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Category: Category {englishSlug}", page.Text("main h1"));
        Assert.Equal([inChild.Versions[1].Title, inParent.Versions[1].Title], page.QuerySelectorAll(".card h3 a").Select(a => a.TextContent));
        var arabicSlug = parent.Names.Single(n => n.Language == "ar").Slug;
        Assert.Equal($"/ar/category/{Uri.EscapeDataString(arabicSlug)}/", page.QuerySelector("nav.languages a[hreflang=ar]")!.GetAttribute("href"));
        var (arabicResponse, _) = await site.Http.GetPageAsync($"/ar/category/{Uri.EscapeDataString(arabicSlug)}/");
        Assert.Equal(HttpStatusCode.OK, arabicResponse.StatusCode);
    }

    [Fact]
    public async Task Tag_page_lists_tagged_releases_and_an_unknown_tag_is_not_found()
    {
        var office = await site.Seed.OfficeAsync();
        var tag = await site.Seed.TagAsync();
        var tagged = await site.Seed.ReleaseAsync(office, tag: tag);
        await site.Seed.ReleaseAsync(office);

        var (response, page) = await site.Http.GetPageAsync($"/en/tag/{Seed.EnglishSlug(tag)}/");
        var missing = await site.Http.GetAsync("/en/tag/no-such-tag/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([tagged.Versions[1].Title], page.QuerySelectorAll(".card h3 a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Sidebar_shows_offices_and_categories_with_their_names_in_the_page_language()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();

        var (_, page) = await site.Http.GetPageAsync("/ar/");

        Assert.Contains(page.QuerySelectorAll(".sidebar a"), a => a.TextContent == $"مكتب {office.Code}");
        Assert.Contains(page.QuerySelectorAll(".sidebar a"), a => a.TextContent == category.Names.Single(n => n.Language == "ar").Name);
    }
}
