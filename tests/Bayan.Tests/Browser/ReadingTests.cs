using Bayan.Tests.Support;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

/// <summary>A reader in Chromium: the demo site in Arabic and in English.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class ReadingTests(DemoTestSite site, Support.Browser browser) : IClassFixture<DemoTestSite>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_reader_opens_an_arabic_release_and_switches_to_its_english_translation()
    {
        var (page, errors) = await browser.OpenAsync();
        await page.GotoAsync(new Uri(site.BaseAddress, "/ar/").AbsoluteUri);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Support.Browser.ScreenshotAsync(page, "home-ar");

        await Support.Browser.FollowAsync(page.Locator("section.latest .card h3 a").First);
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var arabicTitle = await page.Locator("article.release h1").InnerTextAsync();
        // Right to left really applies: the title starts at the right edge of the page.
        var box = (await page.Locator("article.release h1").BoundingBoxAsync())!;
        var textEnd = await page.EvaluateAsync<double>("() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('article.release h1')); return r.getBoundingClientRect().right; }");
        Assert.True(Math.Abs(box.X + box.Width - textEnd) < 2, "The Arabic title should be aligned to the right.");
        await Support.Browser.ScreenshotAsync(page, "release-ar", fullPage: true);

        await page.Locator("nav.languages a[hreflang=en]").ClickAsync();
        await page.WaitForURLAsync("**/en/**");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.NotEqual(arabicTitle, await page.Locator("article.release h1").InnerTextAsync());
        Assert.Equal("(Translated)", await page.Locator("article.release h1 .translated").InnerTextAsync());
        Assert.Equal("العربية", await page.Locator("nav.languages a[hreflang=ar]").InnerTextAsync());
        await Support.Browser.ScreenshotAsync(page, "release-en", fullPage: true);

        await page.GotoAsync(new Uri(site.BaseAddress, "/en/").AbsoluteUri);
        await Support.Browser.ScreenshotAsync(page, "home-en");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_site_reads_well_on_a_phone()
    {
        var (page, errors) = await browser.OpenAsync(390, 844);
        await page.GotoAsync(new Uri(site.BaseAddress, "/ar/").AbsoluteUri);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page must not scroll sideways on a phone.");
        await Support.Browser.ScreenshotAsync(page, "home-ar-phone");
        Assert.Empty(errors);
    }
}
