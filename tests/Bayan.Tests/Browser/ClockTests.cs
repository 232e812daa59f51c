using Bayan.Tests.Support;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

[Trait(Suite.Category, Suite.Browser)]
public sealed class ClockTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    [Theory]
    [InlineData("en", "14:05", "14:06")]
    [InlineData("ar", "١٤:٠٥", "١٤:٠٦")]
    public async Task The_header_clock_moves_on_when_a_minute_passes_without_a_reload(string lang, string before, string after)
    {
        var (page, errors) = await browser.OpenAsync();
        // 11:05:30 UTC is 14:05 in the site's zone, Asia/Riyadh.
        await page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = new DateTime(2024, 11, 21, 11, 5, 30, DateTimeKind.Utc) });
        await page.GotoAsync(new Uri(site.BaseAddress, $"/{lang}/").AbsoluteUri);
        var clock = page.Locator("time[data-clock]");
        await Assertions.Expect(clock).ToHaveTextAsync(before);

        await page.Clock.RunForAsync(60_000);

        await Assertions.Expect(clock).ToHaveTextAsync(after);
        Assert.Empty(errors);
    }
}
