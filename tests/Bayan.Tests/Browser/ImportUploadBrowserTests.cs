using System.Text;
using System.Text.RegularExpressions;
using Bayan.Localization;
using Bayan.Tests.Importing;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>An administrator, in the Arabic back office on a phone, uploads a WordPress export and watches it import to its report.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class ImportUploadBrowserTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private const int PhoneWidth = 390;
    private const int ExtraPosts = 150;

    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task An_administrator_uploads_an_export_in_arabic_and_watches_it_reach_its_report()
    {
        var office = await site.Seed.OfficeAsync();
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ar")));
        // Enough posts that the import is usually still running when its page first shows.
        var extra = string.Concat(Enumerable.Range(1, ExtraPosts).Select(i => Wxr.Item(5000 + i, $"خبر رقم {i}", $"نص الخبر رقم {i}.", slug: $"news-{i}")));
        var xml = WordPressFixture.Xml(WordPressFixture.Site()).Replace("\t<generator>", extra + "\t<generator>");
        var (page, errors) = await browser.OpenAsync(PhoneWidth, 844);
        var polls = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/status", StringComparison.Ordinal))
                polls++;
        };
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await Support.Browser.FollowAsync(page.Locator("header.admin-bar a[href='/admin/import']"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.SelectOptionAsync("#OfficeCode", office.Code);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "تصدير-ووردبريس.xml", MimeType = "text/xml", Buffer = Encoding.UTF8.GetBytes(xml) });
        await Support.Browser.FollowAsync(page.Locator("form button.primary"));

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/import/\d+$"));
        var shownRunning = await page.GetAttributeAsync("#import-job", "data-ended") == "false";
        var job = page.Locator("#import-job");
        await Expect(job.Locator("[data-field=stateText]")).ToHaveTextAsync("انتهى الاستيراد.", new() { Timeout = 120_000 });
        var posts = Messages.Format("ar", "import_report_counts", Messages.Get("ar", "import_kind_post"), 8 + ExtraPosts, 0, 0, 1);
        await Expect(job.Locator(".import-report p", new() { HasText = posts })).ToHaveCountAsync(1);
        await Expect(job.Locator(".import-report h2", new() { HasText = Messages.Get("ar", "import_report_shortcodes") })).ToBeVisibleAsync();
        await Expect(job.Locator(".import-report li", new() { HasText = "[gallery]: 10" })).ToBeVisibleAsync();
        Assert.Equal(await job.Locator("progress").GetAttributeAsync("max"), await page.EvalOnSelectorAsync<string>("#import-job progress", "p => String(p.value)"));
        if (shownRunning)
            Assert.True(polls > 0, "The page showed a running import but never asked for its status.");

        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"The page is {width[0]} px wide on a {width[1]} px screen.");
        await Support.Browser.ScreenshotAsync(page, "admin-import-ar-390", fullPage: true);
        Assert.Empty(errors);
        Assert.Equal(2 + ExtraPosts, await site.Seed.WithDbAsync(db => db.Releases.CountAsync(r => r.Office.Code == office.Code && r.Status == Bayan.Releases.ReleaseStatus.Published)));
    }
}
