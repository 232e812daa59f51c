using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>A reader in Chromium comments under a release page served from the shared cache.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class CachedCommentFormTests(CacheTestSite site, Support.Browser browser) : IClassFixture<CacheTestSite>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_reader_posts_an_arabic_comment_from_a_kept_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release, "ar");
        await site.Http.GetAsync(path);
        var name = Seed.Unique("سارة");
        const string text = "بيان مهم، شكرًا لكم على الوضوح.";
        var (page, errors) = await browser.OpenAsync();

        var opened = await page.GotoAsync(new Uri(site.BaseAddress, path).AbsoluteUri);

        Assert.Equal("hit", await opened!.HeaderValueAsync("x-cache"));
        Assert.Equal("", await page.Locator(".comment-form input[name=__RequestVerificationToken]").InputValueAsync());
        await page.Locator("#comment-name").FillAsync(name);
        await page.Locator("#comment-email").FillAsync("sara@example.org");
        await page.Locator("#comment-text").FillAsync(text);
        await page.Locator(".comment-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**comment=held**");

        await Expect(page.Locator(".comments .notice")).ToBeVisibleAsync();
        Assert.Equal(text, await site.InScopeAsync(s => s.GetRequiredService<Data.BayanDb>().Comments
            .Where(c => c.Name == name).Select(c => c.Text).SingleAsync()));
        await Support.Browser.ScreenshotAsync(page, "comment-from-cached-page-ar", fullPage: true);
        Assert.Empty(errors);
    }
}
