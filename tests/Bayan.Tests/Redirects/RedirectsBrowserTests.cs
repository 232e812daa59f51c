using System.Net;
using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Redirects;

/// <summary>An administrator on a phone, in Arabic, adds a redirect, sees it in the list and removes it.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class RedirectsBrowserTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private const int PhoneWidth = 390;

    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task An_administrator_adds_sees_and_removes_a_redirect_in_arabic()
    {
        var old = $"/old-site/{Guid.NewGuid():N}/news.html";
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ar")));
        var (page, errors) = await browser.OpenAsync(PhoneWidth, 844);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await Support.Browser.FollowAsync(page.Locator("header.admin-bar a[href='/admin/redirects']"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("التحويلات");
        await page.GetByLabel("المسار القديم").FillAsync(old);
        await page.GetByLabel("العنوان الجديد").FillAsync("/en/");
        await page.GetByRole(AriaRole.Button, new() { Name = "إضافة تحويل" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToBeVisibleAsync();

        var row = page.Locator("table.redirects tbody tr", new() { HasText = old });
        await Expect(row.Locator(".redirect-new")).ToHaveTextAsync("/en/");
        await Expect(row.Locator(".redirect-state")).ToContainTextAsync("تحويل 301");
        var moved = await site.Http.GetAsync(old);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"The page is {width[0]} px wide on a {width[1]} px screen.");
        await Support.Browser.ScreenshotAsync(page, "admin-redirects-ar-390", fullPage: true);

        await row.GetByRole(AriaRole.Button, new() { Name = $"حذف {old}" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToBeVisibleAsync();
        await Expect(page.Locator("table.redirects tbody tr", new() { HasText = old })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(old)).StatusCode);
        Assert.Empty(errors);
    }
}
