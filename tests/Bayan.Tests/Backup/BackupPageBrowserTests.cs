using System.Text.RegularExpressions;
using Bayan.Localization;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Backup;

/// <summary>The backup page as an administrator sees it in Arabic (right to left) and English, and the download it starts.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class BackupPageBrowserTests(SqliteSite site, Support.Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Support.Browser>
{
    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("en", "ltr")]
    public async Task An_administrator_finds_the_backup_page_in_their_language_and_downloads_a_backup(string language, string direction)
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office);
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        var (page, errors) = await browser.OpenAsync();
        await page.GotoAsync(new Uri(site.BaseAddress, "/admin/login").AbsoluteUri);
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await Support.Browser.FollowAsync(page.Locator("header.admin-bar a[href='/admin/backup']"));

        Assert.Equal(direction, await page.GetAttributeAsync("html", "dir"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Messages.Get(language, "backup_title"));
        await Expect(page.Locator("tr[data-kind=releases] td").First).ToHaveTextAsync(Messages.Get(language, "backup_kind_releases"));
        await Support.Browser.ScreenshotAsync(page, $"admin-backup-{language}", fullPage: true);
        Assert.Empty(errors);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("form button.primary"));
        Assert.Matches(@"^bayan-backup-.*\.tar\.gz$", download.SuggestedFilename);
        // The browser counts the form's answer as a failed page load, since it became a download instead: only the download counts.
        Assert.Null(await download.FailureAsync());
        var saved = Backups.TempPath(download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.Null((await Bayan.Backup.BackupReader.VerifyAsync(saved, null, CancellationToken.None)).Problem);
    }
}
