using System.Net;
using Bayan.Comments;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Comments;

/// <summary>The moderation queue through HTTP: a row's button acts on that row, bulk buttons on the ticked ones, and no click does nothing silently.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ModerationTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<int> CommentAsync(Bayan.Releases.Release release, string name, CommentStatus status = CommentStatus.Pending) =>
        await site.Seed.WithDbAsync(async db =>
        {
            var version = await db.ReleaseVersions.FirstAsync(v => v.ReleaseId == release.Id && v.Language == "en");
            var comment = new Comment { ReleaseVersionId = version.Id, Name = name, Email = "reader@example.org", Text = "A reader's words", Status = status, CreatedAt = DateTime.UtcNow };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    private Task<CommentStatus?> StatusAsync(int id) =>
        site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => (CommentStatus?)c.Status).FirstOrDefaultAsync());

    private async Task<AdminClient> ModeratorAsync()
    {
        var user = await site.Seed.UserAsync(moderator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    [Fact]
    public async Task A_rows_approve_button_approves_that_row_only_even_with_other_rows_ticked()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var mine = await CommentAsync(release, Seed.Unique("Mine"));
        var ticked = await CommentAsync(release, Seed.Unique("Ticked"));
        using var moderator = await ModeratorAsync();

        var queue = await moderator.PageAsync("/admin/comments");
        var button = queue.QuerySelector($"#comment-{mine} .row-actions button[value='{mine}']")!;
        var response = await moderator.PostFormAsync("/admin/comments", button.GetAttribute("formaction")!,
            [new("status", "Pending"), new("ids", ticked.ToString()), new(button.GetAttribute("name")!, mine.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CommentStatus.Approved, await StatusAsync(mine));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(ticked));
        var after = await moderator.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("The comment is approved and shows on its release.", after.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task A_bulk_action_with_nothing_ticked_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var waiting = await CommentAsync(release, Seed.Unique("Waiting"));
        using var moderator = await ModeratorAsync();

        var response = await moderator.PostFormAsync("/admin/comments", [new("status", "Pending"), new("action", "Approve")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("No comment is ticked, so nothing was changed.", page.QuerySelector(".error")!.TextContent);
        Assert.DoesNotContain("0 comments", page.DocumentElement.TextContent);
        Assert.Equal(CommentStatus.Pending, await StatusAsync(waiting));
    }

    [Fact]
    public async Task Ticked_comments_are_counted_by_what_changed_and_a_click_that_changes_nothing_says_so()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var first = await CommentAsync(release, Seed.Unique("First"));
        var second = await CommentAsync(release, Seed.Unique("Second"));
        using var moderator = await ModeratorAsync();

        var rejected = await moderator.PostFormAsync("/admin/comments",
            [new("status", "Pending"), new("ids", first.ToString()), new("ids", second.ToString()), new("action", "Reject")]);
        var done = await moderator.PageAsync(rejected.Headers.Location!.OriginalString);
        Assert.Equal("Ticked comments rejected: 2.", done.QuerySelector(".notice")!.TextContent);

        // The same click again (a second tab, a double click): both are rejected already.
        var again = await moderator.PostFormAsync("/admin/comments",
            [new("status", "Pending"), new("ids", first.ToString()), new("ids", second.ToString()), new("action", "Reject")]);
        var nothing = await moderator.PageAsync(again.Headers.Location!.OriginalString);
        Assert.StartsWith("Nothing changed", nothing.QuerySelector(".notice")!.TextContent);
        Assert.Equal(1, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"comment:{first}" && a.Action == "comment.reject")));
    }

    [Fact]
    public async Task An_unknown_action_is_refused_and_approves_nothing()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var waiting = await CommentAsync(release, Seed.Unique("Waiting"));
        using var moderator = await ModeratorAsync();

        var response = await moderator.PostFormAsync("/admin/comments", [new("status", "Pending"), new("ids", waiting.ToString()), new("action", "Publish")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await StatusAsync(waiting));
    }
}
