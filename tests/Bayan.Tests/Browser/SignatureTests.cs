using Bayan.Tests.Support;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

/// <summary>The office's signature block ends a demo release on screen and on paper.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class SignatureTests(DemoTestSite site, Support.Browser browser) : IClassFixture<DemoTestSite>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_signature_ends_the_release_on_screen_and_in_print()
    {
        var (page, errors) = await browser.OpenAsync();
        await page.GotoAsync(new Uri(site.BaseAddress, "/ar/").AbsoluteUri);
        await Support.Browser.FollowAsync(page.Locator("section.latest .card h3 a").First);

        var signature = page.Locator("article.release address.signature");
        Assert.True(await signature.IsVisibleAsync());
        // Right after the body, before attachments and filing: it closes the text, as on paper.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('article.release .body').nextElementSibling.matches('address.signature')"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });
        Assert.True(await signature.IsVisibleAsync());
        Assert.True(await page.Locator("address.signature .social a").First.IsVisibleAsync());
        Assert.False(await page.Locator("section.comments").IsVisibleAsync());
        await Support.Browser.ScreenshotAsync(page, "release-signature-print-ar", fullPage: true);
        Assert.Empty(errors);
    }
}
