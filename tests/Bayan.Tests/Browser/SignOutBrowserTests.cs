using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>"Sign out" in the back office's bar, clicked in Chromium.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class SignOutBrowserTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task Sign_out_leads_to_the_sign_in_page_and_the_back_office_is_closed_afterwards()
    {
        var user = await site.Seed.UserAsync(moderator: true);
        var (page, errors) = await browser.OpenAsync();
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == Web.Admin.AdminSetup.CookieName);

        var signedOut = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            response => response.Url.EndsWith("/admin/logout", StringComparison.Ordinal));

        Assert.Equal(302, signedOut.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/login$"));
        await page.GotoAsync(Url("/admin"));
        await Expect(page).ToHaveURLAsync(new Regex("/admin/login"));
        // The cookie as it was before signing out, put back as someone who copied it would: it opens nothing.
        await page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path }]);
        await page.GotoAsync(Url("/admin"));
        await Expect(page).ToHaveURLAsync(new Regex("/admin/login"));
        Assert.Empty(errors);
    }
}
