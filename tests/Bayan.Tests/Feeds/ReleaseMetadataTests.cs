using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Bayan.Feeds;
using Bayan.Tests.Support;

namespace Bayan.Tests.Feeds;

/// <summary>What a release page tells link previews (OpenGraph, Twitter cards), search engines (JSON-LD) and the printer.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseMetadataTests(FeedTestSite site) : IClassFixture<FeedTestSite>
{
    [Fact]
    public async Task Open_graph_and_twitter_tags_describe_the_page_in_its_language()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var release = await site.ReleaseAsync(office, category);
        var english = release.Versions.Single(v => v.Language == "en");

        var (response, page) = await site.Http.GetPageAsync(Paths.Release(release, "en"));
        var (_, arabic) = await site.Http.GetPageAsync(Paths.Release(release, "ar"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = site.Absolute(Paths.Release(release, "en"));
        Assert.Equal("article", Property(page, "og:type"));
        Assert.Equal(english.Title, Property(page, "og:title"));
        Assert.Equal(url, Property(page, "og:url"));
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Property(page, "og:url"));
        Assert.Equal("en_US", Property(page, "og:locale"));
        Assert.Equal(["ar_AR"], Properties(page, "og:locale:alternate"));
        Assert.Equal("Test Newsroom", Property(page, "og:site_name"));
        Assert.Equal(english.Summary, Property(page, "og:description"));
        Assert.Equal(FeedText.Rfc3339(release.PublishAt!.Value), Property(page, "article:published_time"));
        Assert.Equal([category.Names.Single(n => n.Language == "en").Name], Properties(page, "article:section"));
        Assert.Equal("summary", Name(page, "twitter:card"));
        Assert.Equal(english.Title, Name(page, "twitter:title"));

        Assert.Equal("ar_AR", Property(arabic, "og:locale"));
        Assert.Equal(site.Absolute(Paths.Release(release, "ar")), Property(arabic, "og:url"));
        Assert.Equal(release.Versions.Single(v => v.Language == "ar").Title, Property(arabic, "og:title"));
    }

    [Fact]
    public async Task Json_ld_is_a_news_article_and_only_a_translation_names_the_work_it_translates()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var alone = await site.Seed.ReleaseAsync(office, english: false, publishAt: site.Now.AddMinutes(-3));
        var originalUrl = site.Absolute(Paths.Release(release, "ar"));
        var translationUrl = site.Absolute(Paths.Release(release, "en"));

        var translation = await JsonLdAsync(Paths.Release(release, "en"));
        var original = await JsonLdAsync(Paths.Release(release, "ar"));
        var untranslated = await JsonLdAsync(Paths.Release(alone, "ar"));

        Assert.Equal("https://schema.org", translation.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", translation.GetProperty("@type").GetString());
        Assert.Equal(release.Versions.Single(v => v.Language == "en").Title, translation.GetProperty("headline").GetString());
        Assert.Equal(translationUrl, translation.GetProperty("url").GetString());
        Assert.Equal("en", translation.GetProperty("inLanguage").GetString());
        Assert.Equal(FeedText.Rfc3339(release.PublishAt!.Value), translation.GetProperty("datePublished").GetString());
        Assert.Equal(FeedText.Rfc3339(release.PublishAt!.Value), translation.GetProperty("dateModified").GetString());
        var publisher = translation.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Test Newsroom", publisher.GetProperty("name").GetString());
        Assert.Equal(site.Absolute("/en/"), publisher.GetProperty("url").GetString());
        Assert.Equal(originalUrl, translation.GetProperty("translationOfWork").GetProperty("@id").GetString());

        Assert.Equal("ar", original.GetProperty("inLanguage").GetString());
        Assert.Equal("غرفة أخبار الاختبار", original.GetProperty("publisher").GetProperty("name").GetString());
        Assert.False(original.TryGetProperty("translationOfWork", out _));
        Assert.Equal([translationUrl], original.GetProperty("workTranslation").EnumerateArray().Select(t => t.GetProperty("@id").GetString()));
        Assert.False(untranslated.TryGetProperty("translationOfWork", out _));
        Assert.False(untranslated.TryGetProperty("workTranslation", out _));
    }

    [Fact]
    public async Task An_edit_moves_date_modified_of_that_version_and_never_date_published()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office, minutesAgo: 90);
        site.Advance(TimeSpan.FromMinutes(10));
        var editedAt = site.Now;

        await site.RetitleAsync(release.Id, "en", $"Revised {release.Versions.Single(v => v.Language == "en").Title}");
        var edited = await site.VersionAsync(release.Id, "en");
        var english = await JsonLdAsync($"/en/{office.Code}/{release.Id}/{Uri.EscapeDataString(edited.Slug)}");
        var arabic = await JsonLdAsync(Paths.Release(release, "ar"));

        Assert.Equal(FeedText.Rfc3339(release.PublishAt!.Value), english.GetProperty("datePublished").GetString());
        Assert.Equal(FeedText.Rfc3339(editedAt), english.GetProperty("dateModified").GetString());
        Assert.Equal(edited.Title, english.GetProperty("headline").GetString());
        Assert.Equal(FeedText.Rfc3339(release.PublishAt!.Value), arabic.GetProperty("dateModified").GetString());
    }

    [Fact]
    public async Task A_title_that_looks_like_markup_cannot_break_out_of_the_head()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office, title: Seed.Unique("</script><script>alert(1)</script> \"Q&A\" <meta"));
        var title = release.Versions.Single(v => v.Language == "en").Title;

        var (_, page) = await site.Http.GetPageAsync(Paths.Release(release, "en"));

        var data = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Equal(title, JsonDocument.Parse(data.TextContent).RootElement.GetProperty("headline").GetString());
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src") is null && s != data);
        Assert.Equal(title, Property(page, "og:title"));
        Assert.Equal(title, Name(page, "twitter:title"));
    }

    [Fact]
    public async Task A_release_page_carries_print_rules_that_keep_the_release_and_its_address()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);

        var (_, page) = await site.Http.GetPageAsync(Paths.Release(release, "en"));

        var sheets = new List<(string Media, string Css)>();
        foreach (var link in page.QuerySelectorAll("link[rel=stylesheet]"))
        {
            var response = await site.Http.GetAsync(link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sheets.Add((link.GetAttribute("media") ?? "all", await response.Content.ReadAsStringAsync()));
        }
        Assert.Contains(sheets, s => s.Media == "print" || s.Css.Contains("@media print", StringComparison.Ordinal));
        // On paper the reader cannot follow the link: the page says where it lives, for print only.
        Assert.Equal(Uri.UnescapeDataString(site.Absolute(Paths.Release(release, "en"))), page.Text(".print-only.source bdi"));
    }

    private static string? Property(IDocument page, string property) =>
        Assert.Single(page.Head!.QuerySelectorAll($"meta[property='{property}']")).GetAttribute("content");

    private static IEnumerable<string?> Properties(IDocument page, string property) =>
        page.Head!.QuerySelectorAll($"meta[property='{property}']").Select(m => m.GetAttribute("content"));

    private static string? Name(IDocument page, string name) =>
        Assert.Single(page.Head!.QuerySelectorAll($"meta[name='{name}']")).GetAttribute("content");

    private async Task<JsonElement> JsonLdAsync(string path)
    {
        var (response, page) = await site.Http.GetPageAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement.Clone();
    }
}
