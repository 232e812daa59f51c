using System.Text.RegularExpressions;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>An editor retracts a release in Chromium: the reason per language, and nothing happens until the confirmation is ticked.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class RetractionTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task Retracting_takes_a_reason_per_language_and_a_ticked_confirmation()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var user = await site.Seed.UserAsync(offices: [office.Id]);
        var (page, errors) = await browser.OpenAsync(1280, 1000);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await page.GotoAsync(Url($"/admin/releases/{release.Id}"));
        var form = page.Locator("form[action*='handler=Retract']");
        await form.Locator("textarea[name='notes[ar]']").FillAsync("صدر البيان خطأً.");
        await form.Locator("textarea[name='notes[en]']").FillAsync("Issued in error.");
        await form.Locator("button[type=submit]").ClickAsync();

        // Unticked, the browser holds the form back: still published, still on the same page.
        Assert.False(await form.Locator("input[name=confirmed]").EvaluateAsync<bool>("e => e.validity.valid"));
        Assert.Equal(ReleaseStatus.Published, await StatusAsync(release.Id));
        await Support.Browser.ScreenshotAsync(page, "admin-retract-confirm", fullPage: true);

        await form.Locator("input[name=confirmed]").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".status")).ToHaveClassAsync(new Regex("status-retracted"));
        Assert.Equal(ReleaseStatus.Retracted, await StatusAsync(release.Id));
        Assert.Empty(errors);

        var english = release.Versions.Single(v => v.Language == "en");
        await page.GotoAsync(Url($"/en/{office.Code}/{release.Id}/{english.Slug}"));
        // Its public page answers 410 Gone with the English reason.
        await Expect(page.Locator("article.retracted .note")).ToHaveTextAsync("Issued in error.");
    }

    private Task<ReleaseStatus> StatusAsync(int id) =>
        site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
