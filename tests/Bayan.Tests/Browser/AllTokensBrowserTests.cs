using System.Net;
using System.Text.RegularExpressions;
using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Tests.Api;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>An administrator on a phone, in Arabic, revokes another person's access token from the list of every token.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class AllTokensBrowserTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private const int PhoneWidth = 390;

    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task An_administrator_revokes_another_persons_token_and_the_api_refuses_it_at_once()
    {
        var owner = await site.Seed.UserAsync(moderator: true);
        var token = await site.InScopeAsync(async services =>
        {
            var (made, outcome) = await services.GetRequiredService<CreateToken>()
                .RunAsync(Actor.System("tests"), owner.Id, new TokenRequest("نشرة الأخبار", [TokenScope.Moderate], DateTime.UtcNow.AddDays(30)), default);
            Assert.IsType<Outcome.Done>(outcome);
            return made!;
        });
        using var api = new ApiClient(site.BaseAddress, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/comments")).StatusCode);
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ar")));
        var (page, errors) = await browser.OpenAsync(PhoneWidth, 844);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await Support.Browser.FollowAsync(page.Locator("header.admin-bar a[href='/admin/tokens']"));
        var row = page.Locator($"tr[data-token='{token.Id}']");
        await Expect(row).ToContainTextAsync(owner.Email!);
        await Expect(row.Locator(".token-state")).ToHaveTextAsync("نشط");
        await row.GetByRole(AriaRole.Button, new() { Name = $"إلغاء الرمز نشرة الأخبار الخاص بـ{owner.DisplayName}" }).ClickAsync();

        await Expect(page.Locator("p.notice")).ToHaveTextAsync($"أُلغي الرمز نشرة الأخبار الخاص بـ{owner.DisplayName}: لم يعد يعمل.");
        await Expect(row.Locator(".token-state")).ToContainTextAsync("ملغى");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"The page is {width[0]} px wide on a {width[1]} px screen.");
        await Support.Browser.ScreenshotAsync(page, "admin-tokens-ar-390", fullPage: true);

        var refused = await api.GetAsync("/api/v1/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The access token was revoked.", (string)(await ApiClient.ProblemAsync(refused))["detail"]!);
        Assert.Empty(errors);
    }
}
