using System.Net;
using Bayan.Pages;
using Bayan.Tests.Support;

namespace Bayan.Tests.PublicSite;

[Trait(Suite.Category, Suite.Database)]
public sealed class SiteAddressTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("en-GB,en;q=0.9", "/en/")]
    [InlineData("tr", "/tr/")]
    [InlineData("fr-FR, de;q=0.5", "/ar/")]
    [InlineData("fr;q=0.9, en;q=0.8", "/en/")]
    public async Task Root_sends_the_reader_to_their_language_else_the_default(string acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await site.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/xx/")]
    [InlineData("/ru/")]
    [InlineData("/EN/")]
    [InlineData("/en/no-such-office/")]
    [InlineData("/en/a/b/c/d/e/f")]
    [InlineData("/en/pages/no-such-page")]
    public async Task Unknown_addresses_get_a_localized_not_found_page_without_a_stack_trace(string path)
    {
        var (response, page) = await site.Http.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.NotEmpty(page.Text("section.error h1"));
        Html.AssertNoStackTrace(page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Not_found_page_speaks_the_language_of_the_address()
    {
        var (_, english) = await site.Http.GetPageAsync("/en/no-such-office/");
        var (_, arabic) = await site.Http.GetPageAsync("/ar/no-such-office/");
        var (_, unknown) = await site.Http.GetPageAsync("/xx/");

        Assert.Equal("Page not found", english.Text("section.error h1"));
        Assert.Equal("ar", arabic.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.NotEqual("Page not found", arabic.Text("section.error h1"));
        Assert.Equal("ar", unknown.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Static_pages_link_to_their_translations()
    {
        var key = Seed.Unique("about");
        await site.Seed.WithDbAsync(async db =>
        {
            db.Pages.AddRange(
                new StaticPage { Key = key, Language = "en", Slug = key, Title = "About us", Body = "We *publish*.", BodyHtml = "<p>We <em>publish</em>.</p>" },
                new StaticPage { Key = key, Language = "ar", Slug = "من-نحن-" + key, Title = "من نحن", Body = "ننشر.", BodyHtml = "<p>ننشر.</p>" });
            await db.SaveChangesAsync();
        });

        var (response, page) = await site.Http.GetPageAsync($"/en/pages/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("About us", page.Text("article.page h1"));
        Assert.Equal("publish", page.Text("article.page em"));
        Assert.Equal($"/ar/pages/{Uri.EscapeDataString("من-نحن-" + key)}", page.QuerySelector("nav.languages a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Health_answers_ok_when_the_site_can_serve()
    {
        var response = await site.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_requests_are_answered_like_get()
    {
        var response = await site.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/en/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Theme_style_sheet_is_served_but_templates_are_not()
    {
        var css = await site.Http.GetAsync("/theme/site.css");
        var template = await site.Http.GetAsync("/theme/layout.liquid");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
    }
}

[Trait(Suite.Category, Suite.Database)]
public sealed class EmptySiteTests(EmptyTestSite site) : IClassFixture<EmptyTestSite>
{
    [Fact]
    public async Task Home_page_of_an_empty_site_says_how_to_fill_it()
    {
        var (response, page) = await site.Http.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("-- demo", page.Text("main pre"));
    }

    [Fact]
    public async Task Language_pages_of_an_empty_site_lead_to_the_explanation()
    {
        var response = await site.Http.GetAsync("/en/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_no_server_banner()
    {
        var response = await site.Http.GetAsync("/en/");

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }
}
