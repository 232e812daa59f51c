using Bayan.Comments;
using Bayan.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

[Trait(Suite.Category, Suite.Browser)]
public sealed class CommentScriptTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    [Fact]
    public async Task No_script_in_a_comment_ever_runs()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var version = release.Versions.Single(v => v.Language == "en");
        // Stored as if it had slipped past every check, to prove the page itself never runs it.
        var attacks = new[]
        {
            "<script>window.pwned = 1</script>",
            "<img src=x onerror=\"window.pwned = 2\">",
            "javascript:window.pwned=3",
            "\"><svg onload=window.pwned=4>",
        };
        await site.Seed.WithDbAsync(async db =>
        {
            db.Comments.AddRange(attacks.Select(a => new Comment
            {
                ReleaseVersionId = version.Id, Name = a, Email = "x@example.org", Text = a, Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        });
        var (page, errors) = await browser.OpenAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(new Uri(site.BaseAddress, $"/en/{office.Code}/{release.Id}/{version.Slug}").AbsoluteUri);

        await Expect(page.Locator(".comment")).ToHaveCountAsync(attacks.Length);
        Assert.Equal(attacks[0], await page.Locator(".comment .text").First.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.pwned === 'undefined'"));
        Assert.Equal(0, dialogs);
        await Support.Browser.ScreenshotAsync(page, "comments-encoded", fullPage: true);
        Assert.Empty(errors);
    }
}
