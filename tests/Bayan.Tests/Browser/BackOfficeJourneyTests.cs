using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>A newcomer sets up a fresh site and publishes an Arabic release with its English translation, all in Chromium.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class BackOfficeJourneyTests(EmptyTestSite site, Support.Browser browser) : IClassFixture<EmptyTestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task Set_up_write_publish_translate_revise_and_restore()
    {
        var (page, errors) = await browser.OpenAsync(1400, 1000);

        // First run: every back-office address leads to setup.
        await page.GotoAsync(Url("/admin"));
        await Expect(page).ToHaveURLAsync(new Regex("/admin/setup$"));
        await page.FillAsync("#SiteName", "غرفة أخبار التجربة");
        await page.SelectOptionAsync("#DefaultLanguage", "ar");
        await page.FillAsync("#AdminName", "Mona");
        await page.FillAsync("#Email", "mona@example.org");
        await page.FillAsync("#Password", Seed.Password);
        // The back office speaks the language the administrator chooses here.
        await page.SelectOptionAsync("#AdminLanguage", "ar");
        await Support.Browser.ScreenshotAsync(page, "admin-setup", fullPage: true);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var office = await site.Seed.OfficeAsync();

        // Write in Arabic with the live preview.
        await page.GotoAsync(Url("/admin/releases/new"));
        await page.SelectOptionAsync("#OfficeId", office.Id.ToString());
        await page.SelectOptionAsync("#Language", "ar");
        await page.FillAsync("#Title", "وزارة الصحة تطلق حملة التطعيم الموسمية");
        await page.FillAsync("#Summary", "حملة في جميع المراكز الصحية");
        await page.FillAsync("#Body", "تبدأ **الحملة** يوم الأحد.\n\n- المراكز الصحية\n- المدارس");
        await Expect(page.Locator("#preview strong")).ToHaveTextAsync("الحملة");
        await Expect(page.Locator("#preview li")).ToHaveCountAsync(2);
        await Support.Browser.ScreenshotAsync(page, "admin-editor-ar", fullPage: true);
        await page.ClickAsync("form.editor-form button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/releases/\\d+\\?done="));
        var releaseUrl = page.Url.Split('?')[0];
        var id = releaseUrl.Split('/').Last();

        // Review, then publish: the release gets its number.
        await page.ClickAsync("form[action*='handler=Submit'] button");
        await Expect(page.Locator(".status")).ToHaveClassAsync(new Regex("status-inreview"));
        await page.ClickAsync("form[action*='handler=Publish'] button");
        await Expect(page.Locator(".status")).ToHaveClassAsync(new Regex("status-published"));
        var number = await page.Locator(".facts dd[dir=ltr]").InnerTextAsync();
        Assert.Matches(@"^\d{4}/\d{2}$", number);

        // Translate into English beside the original.
        await page.GotoAsync(Url($"/admin/releases/{id}/en"));
        await Expect(page.Locator(".original-text h3")).ToHaveTextAsync("وزارة الصحة تطلق حملة التطعيم الموسمية");
        await page.FillAsync("#Title", "Ministry of Health launches the seasonal vaccination campaign");
        await page.FillAsync("#Body", "The **campaign** starts on Sunday.");
        await Support.Browser.ScreenshotAsync(page, "admin-translate-en", fullPage: true);
        await page.ClickAsync("form.editor-form button.primary");
        await Expect(page.Locator(".badge.outdated")).ToHaveCountAsync(0);

        // Edit the original: the translation is now marked outdated, and its editor shows what changed.
        await page.GotoAsync(Url($"/admin/releases/{id}/ar"));
        await page.FillAsync("#Body", "تبدأ **الحملة** يوم الاثنين.\n\n- المراكز الصحية\n- المدارس");
        await page.ClickAsync("form.editor-form button.primary");
        await Expect(page.Locator(".badge.outdated")).ToHaveCountAsync(1);
        await page.GotoAsync(Url($"/admin/releases/{id}/en"));
        await Expect(page.Locator(".notice.outdated .diff ins")).ToContainTextAsync("الاثنين");

        // The public pages show both versions.
        await page.GotoAsync(Url("/ar/"));
        await Expect(page.Locator("section.latest .card h3 a").First).ToHaveTextAsync("وزارة الصحة تطلق حملة التطعيم الموسمية");
        await page.GotoAsync(Url("/en/"));
        await Expect(page.Locator("section.latest .card h3 a").First).ToHaveTextAsync("Ministry of Health launches the seasonal vaccination campaign");

        // Compare revisions and restore the first.
        await page.GotoAsync(Url($"/admin/releases/{id}/ar/revisions?a=1&b=2"));
        await Expect(page.Locator("table.diff del")).ToContainTextAsync("الأحد");
        await Support.Browser.ScreenshotAsync(page, "admin-revisions", fullPage: true);
        await page.ClickAsync("button[form=restore-1]");
        await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(3);
        await page.GotoAsync(Url($"/admin/releases/{id}/ar"));
        await Expect(page.Locator("#Body")).ToHaveValueAsync(new Regex("يوم الأحد"));

        Assert.Empty(errors);
    }
}

/// <summary>Editors at work on a site that is already set up.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class EditorJourneyTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    private async Task<(IPage Page, List<string> Errors)> SignedInAsync()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var (page, errors) = await browser.OpenAsync(1400, 1000);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        return (page, errors);
    }

    [Fact]
    public async Task Upload_an_image_use_it_and_schedule_the_release_to_appear_seconds_later()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, english: false);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Bayan.Releases.ReleaseStatus.InReview)));
        var (page, errors) = await SignedInAsync();
        var picture = Path.Combine(Path.GetTempPath(), Seed.Unique("clinic") + ".png");
        await File.WriteAllBytesAsync(picture, Media.TestImages.Plain(1600, 900, new SixLabors.ImageSharp.Formats.Png.PngEncoder()));

        await page.GotoAsync(Url("/admin/media"));
        await page.SetInputFilesAsync("#file", picture);
        await page.ClickAsync("form button.primary");
        await Expect(page.Locator(".notice input.copy")).ToHaveValueAsync(new Regex(@"^!\[.*\]\(/media/.+-960\.png\)$"));
        await Support.Browser.ScreenshotAsync(page, "admin-media");

        await page.GotoAsync(Url($"/admin/releases/{release.Id}"));
        await page.SelectOptionAsync("#featured", new SelectOptionValue { Label = Path.GetFileName(picture) });
        await page.ClickAsync("form[action*='handler=Media'] button");
        var riyadh = Bayan.Dates.DateFormatter.FindZone("Asia/Riyadh");
        // Ten seconds ahead: a busy CI machine can spend several seconds between scheduling and the first look.
        var due = DateTime.UtcNow.AddSeconds(10);
        var at = TimeZoneInfo.ConvertTimeFromUtc(due, riyadh);
        // Chromium writes a whole minute without ":00", which Playwright reads as a different value.
        if (at.Second == 0)
        {
            at = at.AddSeconds(1);
            due = due.AddSeconds(1);
        }
        await page.FillAsync("#at", at.ToString("yyyy-MM-dd'T'HH:mm:ss"));
        await page.ClickAsync("form[action*='handler=Schedule'] button");
        await Expect(page.Locator(".status")).ToHaveClassAsync(new Regex("status-scheduled"));

        var publicPage = await browser.Instance.NewPageAsync();
        var listing = Url($"/ar/{office.Code}/");
        await publicPage.GotoAsync(listing);
        var cardsBeforeTime = await publicPage.Locator(".card").CountAsync();
        // The input keeps whole seconds, so the release is due up to a second before `due`.
        if (DateTime.UtcNow < due.AddSeconds(-1))
            Assert.Equal(0, cardsBeforeTime);
        var appeared = false;
        while (!appeared && DateTime.UtcNow < due.AddSeconds(20))
        {
            await Task.Delay(500);
            await publicPage.GotoAsync(listing);
            appeared = await publicPage.Locator(".card").CountAsync() == 1;
        }
        Assert.True(appeared, "The scheduled release should appear on the public site within seconds of its time.");
        await publicPage.Locator(".card h3 a").ClickAsync();
        await Expect(publicPage.Locator("article.release img.featured")).ToBeVisibleAsync();
        await Support.Browser.ScreenshotAsync(publicPage, "release-featured-image", fullPage: true);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_second_editor_saving_an_older_text_sees_each_differing_field_as_a_word_diff_and_keeps_a_side_per_field()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var user = await site.Seed.UserAsync(administrator: true);
        var (first, _) = await browser.OpenAsync();
        var (second, errors) = await browser.OpenAsync();
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync(Url("/admin/login"));
            await page.FillAsync("#Email", user.Email!);
            await page.FillAsync("#Password", Seed.Password);
            await page.ClickAsync("button.primary");
            await page.GotoAsync(Url($"/admin/releases/{release.Id}/en"));
        }

        await first.FillAsync("#Summary", "A campaign in every health centre.");
        await first.FillAsync("#Body", "Text of the first editor.");
        await first.ClickAsync("form.editor-form button.primary");
        await second.FillAsync("#Summary", "A campaign in every school.");
        await second.FillAsync("#Body", "Text of the second editor.");
        await second.ClickAsync("form.editor-form button.primary");

        // Title and address are the same on both sides, so only the summary and the body are shown.
        var conflict = second.Locator(".conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.Locator(".conflict-field legend")).ToHaveTextAsync(["Summary", "Text"]);
        var summary = conflict.Locator(".conflict-field[data-field=summary]");
        await Expect(summary.Locator("del")).ToHaveTextAsync("health centre.");
        await Expect(summary.Locator("ins")).ToHaveTextAsync("school.");
        await Expect(conflict.Locator(".conflict-field[data-field=body] del")).ToHaveTextAsync("first");
        await Expect(conflict.Locator(".conflict-field[data-field=body] ins")).ToHaveTextAsync("second");
        await Expect(second.Locator("#Body")).ToHaveValueAsync("Text of the second editor.");
        await Support.Browser.ScreenshotAsync(second, "admin-conflict", fullPage: true);

        // Their summary, my text.
        await summary.GetByLabel("Take theirs").CheckAsync();
        await second.ClickAsync("form.editor-form button.primary");
        await Expect(second).ToHaveURLAsync(new Regex($"/admin/releases/{release.Id}\\?done="));
        var stored = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en"));
        Assert.Equal(("A campaign in every health centre.", "Text of the second editor."), (stored.Summary, stored.Body));
        // The conflict page is answered with 409 Conflict, which Chromium reports on its console.
        Assert.DoesNotContain(errors, e => !e.Contains("status of 409"));
    }
}
