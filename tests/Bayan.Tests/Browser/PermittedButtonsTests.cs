using Bayan.Operations;
using System.Text.RegularExpressions;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>Nobody sees a button for an action they may not take: translators, writers and editors of an office that requires review.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class PermittedButtonsTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    private async Task<IPage> SignedInAsync(User user)
    {
        var (page, _) = await browser.OpenAsync(1400, 1000);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        return page;
    }

    [Fact]
    public async Task A_translator_sees_no_new_release_and_no_workflow_buttons()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var page = await SignedInAsync(await site.Seed.UserAsync(languages: ["en"]));

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New release", Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync(Url($"/admin/releases/{release.Id}"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(1);
        await Expect(page.Locator("main button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_writer_is_offered_to_submit_and_never_to_publish()
    {
        var office = await site.Seed.OfficeAsync();
        var page = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));

        await page.GetByRole(AriaRole.Link, new() { Name = "New release", Exact = true }).First.ClickAsync();
        await page.SelectOptionAsync("#OfficeId", office.Id.ToString());
        await page.FillAsync("#Title", "بيان من كاتب");
        await page.FillAsync("#Body", "نص");
        await page.ClickAsync("form.editor-form button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/releases/\\d+\\?done="));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish now", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true }).ClickAsync();
        await Expect(page.Locator(".status")).ToHaveClassAsync(new Regex("status-inreview"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish now", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Where_review_is_required_an_editor_publishes_only_from_review()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.WithDbAsync(db => db.Offices.Where(o => o.Id == office.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.RequiresReview, true)));
        var id = Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Actor.System("tests"),
            new NewRelease(office.Id, ReleaseType.News, "ar", "مسودة للمراجعة", null, "", "نص"), default))).ReleaseId;
        var page = await SignedInAsync(await site.Seed.UserAsync(offices: [office.Id]));

        await page.GotoAsync(Url($"/admin/releases/{id}"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish now", Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now", Exact = true }).ClickAsync();
        await Expect(page.Locator(".status")).ToHaveClassAsync(new Regex("status-published"));
    }
}
