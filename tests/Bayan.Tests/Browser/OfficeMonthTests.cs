using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>An administrator records, on an office's own page, the day a Hijri month began there.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class OfficeMonthTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task Recording_a_month_start_on_the_office_page_stays_on_that_office_and_keeps_the_day()
    {
        var office = await site.Seed.OfficeAsync();
        var admin = await site.Seed.UserAsync(administrator: true);
        var (page, errors) = await browser.OpenAsync(1400, 1000);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await page.GotoAsync(Url($"/admin/offices/{office.Id}"));
        await page.FillAsync("#year", "1448");
        await page.SelectOptionAsync("#month", "6");
        await page.FillAsync("#startsOn", "2026-11-11");
        await page.ClickAsync("form[action*='handler=Month'] button");

        // The form posts to this office's address, not to the new-office form's.
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/offices/{office.Id}\\?handler=Month$"));
        await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.list tbody td[dir=ltr]")).ToHaveTextAsync("2026-11-11");
        var recorded = await site.Seed.WithDbAsync(db => db.HijriMonthStarts.SingleAsync(m => m.OfficeId == office.Id));
        Assert.Equal((1448, 6, new DateOnly(2026, 11, 11)), (recorded.Year, recorded.Month, recorded.StartsOn));
        Assert.Empty(errors);
    }
}
