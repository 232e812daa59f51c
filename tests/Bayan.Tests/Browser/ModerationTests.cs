using System.Text.RegularExpressions;
using Bayan.Comments;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bayan.Tests.Browser;

/// <summary>A moderator works through the queue in Chromium: row buttons, ticks and bulk buttons.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class ModerationTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    private Task<int> CommentAsync(Bayan.Releases.Release release, string name) =>
        site.Seed.WithDbAsync(async db =>
        {
            var version = await db.ReleaseVersions.FirstAsync(v => v.ReleaseId == release.Id && v.Language == "en");
            var comment = new Comment { ReleaseVersionId = version.Id, Name = name, Email = "reader@example.org", Text = $"Words of {name}", CreatedAt = DateTime.UtcNow };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    private Task<CommentStatus> StatusAsync(int id) =>
        site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    [Fact]
    public async Task A_rows_buttons_act_on_that_row_and_bulk_buttons_on_the_ticked_rows_they_count()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var first = await CommentAsync(release, Seed.Unique("First"));
        var second = await CommentAsync(release, Seed.Unique("Second"));
        var third = await CommentAsync(release, Seed.Unique("Third"));
        var user = await site.Seed.UserAsync(moderator: true);
        var (page, errors) = await browser.OpenAsync();
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        await page.GotoAsync(Url("/admin/comments"));

        // Nothing ticked: the bulk buttons are off and say so.
        var bulk = page.Locator("fieldset.bulk");
        await Expect(bulk.Locator("output")).ToHaveTextAsync("0");
        await Expect(bulk.GetByRole(AriaRole.Button, new() { Name = "Approve ticked" })).ToBeDisabledAsync();

        // Tick the second, then press the first row's own Approve: only the first changes.
        await page.Locator($"#comment-{second} input[name=ids]").CheckAsync();
        await Expect(bulk.Locator("output")).ToHaveTextAsync("1");
        await page.Locator($"#comment-{first} .row-actions").GetByRole(AriaRole.Button, new() { Name = "Approve the comment by First" , Exact = false }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("The comment is approved and shows on its release.");
        Assert.Equal(CommentStatus.Approved, await StatusAsync(first));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(second));
        await Expect(page.Locator($"#comment-{first}")).ToHaveCountAsync(0);

        // Tick two rows and reject them with the bulk button.
        await page.Locator($"#comment-{second} input[name=ids]").CheckAsync();
        await page.Locator($"#comment-{third} input[name=ids]").CheckAsync();
        await Expect(bulk.Locator("output")).ToHaveTextAsync("2");
        await Support.Browser.ScreenshotAsync(page, "admin-moderation", fullPage: true);
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Reject ticked" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("Ticked comments rejected: 2.");
        Assert.Equal(CommentStatus.Rejected, await StatusAsync(second));
        Assert.Equal(CommentStatus.Rejected, await StatusAsync(third));
        await Expect(page.Locator("body")).Not.ToContainTextAsync(new Regex(@"\b0 comments"));
        Assert.Empty(errors);
    }
}
