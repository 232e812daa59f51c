using Bayan.Tests.Support;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

/// <summary>The API's reference page in Chromium: it draws the API, and no request leaves the site.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class ApiReferenceTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_reference_shows_the_operations_with_everything_served_by_bayan()
    {
        var (page, errors) = await browser.OpenAsync();
        var elsewhere = new List<string>();
        // Anything asked of another host is refused and noted: fonts, scripts, telemetry.
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.Host == site.BaseAddress.Host)
                await route.ContinueAsync();
            else
            {
                elsewhere.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });

        await page.GotoAsync(new Uri(site.BaseAddress, "/api/docs").AbsoluteUri);
        await page.GetByText("List releases").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Support.Browser.ScreenshotAsync(page, "api-reference");

        Assert.Empty(elsewhere);
        Assert.Empty(errors);
        Assert.True(await page.GetByText("One release with all its language versions").First.IsVisibleAsync());
        // Scalar's AI agent would send the document to its servers: it is not offered.
        Assert.Equal(0, await page.GetByText("Ask AI").CountAsync());
    }
}
