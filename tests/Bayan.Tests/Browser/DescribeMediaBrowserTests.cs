using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SixLabors.ImageSharp.Formats.Png;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>An editor on a phone, in Arabic, gives an uploaded image its alternative text and caption.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class DescribeMediaBrowserTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private const int PhoneWidth = 390;

    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    [Fact]
    public async Task An_editor_describes_an_image_in_arabic_and_is_told_what_to_fix_in_english()
    {
        var editor = await site.Seed.UserAsync(offices: [(await site.Seed.OfficeAsync()).Id]);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == editor.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ar")));
        var (page, errors) = await browser.OpenAsync(PhoneWidth, 844);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", editor.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        var name = Seed.Unique("شعار") + ".png";
        await page.GotoAsync(Url("/admin/media"));
        await page.SetInputFilesAsync("#file", new FilePayload { Name = name, MimeType = "image/png", Buffer = Media.TestImages.Plain(1200, 800, new PngEncoder()) });
        await page.ClickAsync("form button.primary");
        await Expect(page.Locator(".notice")).ToBeVisibleAsync();

        await Support.Browser.FollowAsync(page.Locator(".media-grid li", new() { HasText = name }).Locator("a.describe"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        var arabic = page.Locator("#describe-ar");
        await arabic.Locator("#alt-ar").FillAsync("شعار المكتب الإعلامي على خلفية خضراء");
        await arabic.Locator("#caption-ar").FillAsync("الشعار الجديد للمكتب، ١٤٤٦ هـ");
        await arabic.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#describe-ar .notice")).ToHaveTextAsync("حُفظ النص البديل والتعليق التوضيحي.");
        await Expect(page.Locator("#alt-ar")).ToHaveValueAsync("شعار المكتب الإعلامي على خلفية خضراء");

        var english = page.Locator("#describe-en");
        await english.Locator("#alt-en").FillAsync("<img> logo");
        await english.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#describe-en p.error")).ToHaveTextAsync("اكتب نصًا بديلًا من 300 حرفًا على الأكثر، دون HTML.");
        await Expect(page.Locator("#alt-ar")).ToHaveValueAsync("شعار المكتب الإعلامي على خلفية خضراء");
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"The page is {width[0]} px wide on a {width[1]} px screen.");
        await Support.Browser.ScreenshotAsync(page, "admin-media-describe-ar-390", fullPage: true);

        var texts = await site.Seed.WithDbAsync(db => db.MediaTexts.Where(t => db.Media.Any(m => m.Id == t.MediaId && m.FileName == name)).ToListAsync());
        Assert.Equal(["ar"], texts.Select(t => t.Language));
        // Chromium notes the refused form's answer (422) in the console; nothing else may fail.
        Assert.Contains("422", Assert.Single(errors));
    }
}
