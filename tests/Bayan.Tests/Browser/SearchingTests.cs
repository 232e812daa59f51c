using Bayan.Tests.Support;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

/// <summary>A reader searches the demo site from the box every page has, in Arabic and in English.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class SearchingTests(DemoTestSite site, Support.Browser browser) : IClassFixture<DemoTestSite>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_reader_finds_arabic_releases_however_the_word_is_typed_and_narrows_them_to_one_office()
    {
        var (page, errors) = await browser.OpenAsync();
        await page.GotoAsync(new Uri(site.BaseAddress, "/ar/").AbsoluteUri);
        // "المياه" typed with a madda on the alef and a tatweel: the reader still finds the water releases.
        await page.Locator("form.site-search input[name=q]").FillAsync("الميـآه");
        await page.Locator("form.site-search input[name=q]").PressAsync("Enter");
        await page.WaitForURLAsync("**/ar/search?q=*");
        var results = page.Locator(".results .result");
        Assert.True(await results.CountAsync() > 0);
        Assert.Equal("المياه", await page.Locator(".results mark").First.InnerTextAsync());
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Support.Browser.ScreenshotAsync(page, "search-ar");

        var all = await results.CountAsync();
        await page.Locator("#search-office").SelectOptionAsync("water");
        await page.Locator("form.search-form button").ClickAsync();
        await page.WaitForURLAsync("**office=water*");
        var narrowed = await results.CountAsync();
        Assert.InRange(narrowed, 1, all);
        foreach (var office in await page.Locator(".results .dateline a").AllInnerTextsAsync())
            Assert.Equal(await page.Locator("#search-office option[selected]").InnerTextAsync(), office);

        await Support.Browser.FollowAsync(results.First.Locator("h2 a"));
        Assert.Contains("المياه", await page.Locator("article.release").InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_english_search_page_explains_itself_and_fits_a_phone()
    {
        var (page, errors) = await browser.OpenAsync(390, 844);
        await page.GotoAsync(new Uri(site.BaseAddress, "/en/search?q=%22water+authority%22").AbsoluteUri);
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Contains("quotes", await page.Locator("#search-hint").InnerTextAsync());
        Assert.True(await page.Locator(".results .result").CountAsync() > 0);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The search page must not scroll sideways on a phone.");
        await Support.Browser.ScreenshotAsync(page, "search-en-phone");
        Assert.Empty(errors);
    }
}
