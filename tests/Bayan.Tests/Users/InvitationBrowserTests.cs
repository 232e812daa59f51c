using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Users;

/// <summary>An administrator working in Arabic invites an editor, who sets a password from the link in another browser.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class InvitationBrowserTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task Invite_an_editor_who_sets_a_password_and_signs_in()
    {
        var office = await site.Seed.OfficeAsync();
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ar")));
        var (page, errors) = await browser.OpenAsync(1280, 900);
        await SignInAsync(page, admin.Email!, Seed.Password);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));

        await page.ClickAsync(".admin-bar a[href='/admin/users']");
        await page.ClickAsync("a[href='/admin/users/new']");
        var email = Seed.Unique("mona") + "@example.org";
        await page.FillAsync("#Email", email);
        await page.FillAsync("#DisplayName", "منى الكاتبة");
        await page.CheckAsync($"input[name=OfficeIds][value='{office.Id}']");
        await page.ClickAsync("main form button.primary");
        var link = await page.Locator("input.copy[readonly]").InputValueAsync();
        Assert.Matches(new Regex(@"/admin/password\?user=\d+&token=\S+$"), link);
        await Support.Browser.ScreenshotAsync(page, "admin-user-link-ar", fullPage: true);

        var (newcomer, newcomerErrors) = await browser.OpenAsync(1280, 900);
        await newcomer.GotoAsync(link);
        await newcomer.FillAsync("#Password", "a password of my own");
        await newcomer.FillAsync("#Repeat", "a password of my own");
        await newcomer.ClickAsync("main form button.primary");
        await Expect(newcomer.Locator(".notice")).ToBeVisibleAsync();
        await SignInAsync(newcomer, email, "a password of my own");
        await Expect(newcomer.Locator(".admin-bar a[href='/admin/releases/new']")).ToBeVisibleAsync();

        await page.GotoAsync(Url("/admin/users"));
        await Expect(page.Locator("table.users tr", new() { HasText = email })).ToContainTextAsync("منى الكاتبة");
        await Support.Browser.ScreenshotAsync(page, "admin-users-ar", fullPage: true);
        await page.ClickAsync("table.users a:text('منى الكاتبة')");
        await Expect(page.Locator($"input[name=OfficeIds][value='{office.Id}']")).ToBeCheckedAsync();
        await Support.Browser.ScreenshotAsync(page, "admin-user-ar", fullPage: true);
        await newcomer.ClickAsync(".admin-bar a[href='/admin/account']");
        await Support.Browser.ScreenshotAsync(newcomer, "admin-account-ar", fullPage: true);
        Assert.Empty(errors);
        Assert.Empty(newcomerErrors);
    }

    private async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
    }
}
