using System.Net;
using Bayan.Comments;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Comments;

/// <summary>Every test reader posts from 127.0.0.1: this site lets them, so the tests do not meet the rate limit.</summary>
public sealed class CommentTestSite : TestSite
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Bayan:Comments:PerAddress"] = "1000";
}

/// <summary>A site that allows three comments per address, so the limit is cheap to reach.</summary>
public sealed class RateLimitedSite : TestSite
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Bayan:Comments:PerAddress"] = "3";
}

[Trait(Suite.Category, Suite.Database)]
public sealed class CommentTests(CommentTestSite site) : IClassFixture<CommentTestSite>
{
    private static string PagePath(Bayan.Releases.Release release, string lang = "en") =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    private static KeyValuePair<string, string>[] Form(string name, string email, string text, string website = "") =>
        [new("name", name), new("email", email), new("text", text), new("website", website)];

    private async Task<HttpResponseMessage> PostAsync(Bayan.Releases.Release release, KeyValuePair<string, string>[] fields)
    {
        using var reader = new AdminClient(site.BaseAddress);
        return await reader.PostCommentAsync(PagePath(release) + "/comments", fields);
    }

    [Fact]
    public async Task A_comment_waits_for_a_moderator_then_appears_encoded_without_the_email()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var name = Seed.Unique("Reader");

        var response = await PostAsync(release, Form(name, "reader@example.org", "Good news & more: https://example.org/x\nSecond line"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("?comment=held#comments", response.Headers.Location!.OriginalString);
        var (_, before) = await site.Http.GetPageAsync(PagePath(release));
        Assert.Empty(before.QuerySelectorAll(".comment"));

        var id = await site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        var admin = await site.Seed.UserAsync(moderator: true);
        using var moderator = new AdminClient(site.BaseAddress);
        Assert.True(await moderator.SignInAsync(admin.Email!, Seed.Password));
        var queue = await moderator.PageAsync("/admin/comments");
        Assert.NotNull(queue.QuerySelector($"input[name=ids][value='{id}']"));
        await moderator.PostFormAsync("/admin/comments", [new("ids", id.ToString()), new("action", "Approve")]);

        var (_, after) = await site.Http.GetPageAsync(PagePath(release));
        var comment = after.QuerySelector(".comment")!;
        Assert.Equal(name, comment.QuerySelector(".who strong")!.TextContent);
        Assert.Equal("nofollow ugc", comment.QuerySelector(".text a")!.GetAttribute("rel"));
        Assert.NotNull(comment.QuerySelector(".text br"));
        Assert.DoesNotContain("reader@example.org", after.DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData("<b>Hi</b> there")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;")]
    public async Task Html_is_refused_with_the_localized_message_and_the_text_kept(string text)
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var response = await PostAsync(release, Form("Reader", "reader@example.org", text));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("HTML code is not allowed", page.QuerySelector(".comment-form .error")!.TextContent);
        Assert.Equal(text, page.QuerySelector("#comment-text")!.TextContent);
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.Comments.CountAsync(c => c.Text == text)));
    }

    [Fact]
    public async Task Required_fields_are_named_and_nothing_is_kept()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var response = await PostAsync(release, Form("", "not-an-email", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, page.QuerySelectorAll(".comment-form .error").Length);
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_and_forgotten()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var name = Seed.Unique("Bot");

        var response = await PostAsync(release, Form(name, "bot@example.org", "Buy now", website: "https://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.Comments.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Without_an_antiforgery_token_nothing_is_kept()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var name = Seed.Unique("Forged");

        var response = await site.Http.PostAsync(PagePath(release) + "/comments", new FormUrlEncodedContent(Form(name, "x@example.org", "text")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.Comments.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Comments_can_be_closed_per_release()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CommentsClosed, true)));

        var (_, page) = await site.Http.GetPageAsync(PagePath(release));

        Assert.Null(page.QuerySelector(".comment-form"));
        Assert.Equal("Comments are closed.", page.Text(".comments .muted"));
    }

    [Fact]
    public async Task Replies_go_one_level_deep()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var versionId = release.Versions.Single(v => v.Language == "en").Id;
        var (top, reply) = await site.Seed.WithDbAsync(async db =>
        {
            var first = new Comment { ReleaseVersionId = versionId, Name = "A", Email = "a@example.org", Text = "first", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow };
            db.Comments.Add(first);
            await db.SaveChangesAsync();
            var answer = new Comment { ReleaseVersionId = versionId, ParentId = first.Id, Name = "B", Email = "b@example.org", Text = "answer", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow };
            db.Comments.Add(answer);
            await db.SaveChangesAsync();
            return (first.Id, answer.Id);
        });

        var (_, page) = await site.Http.GetPageAsync(PagePath(release));
        var deeper = await PostAsync(release, [.. Form("C", "c@example.org", "reply to a reply"), new("parent", reply.ToString())]);

        Assert.Equal("answer", page.QuerySelector($"#comment-{top} .reply .text")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, deeper.StatusCode);
    }
}

[Trait(Suite.Category, Suite.Database)]
public sealed class CommentRateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    [Fact]
    public async Task A_flood_from_one_address_is_stopped_with_a_clear_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var path = $"/en/{office.Code}/{release.Id}/{release.Versions.Single(v => v.Language == "en").Slug}";
        var statuses = new List<HttpStatusCode>();
        string last = "";
        using var reader = new AdminClient(site.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            var response = await reader.PostCommentAsync(path + "/comments",
                [new("name", $"Reader {i}"), new("email", "r@example.org"), new("text", $"Comment {i}")]);
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many requests", last);
        Assert.Equal(3, await site.Seed.WithDbAsync(db => db.Comments.CountAsync(c => c.Email == "r@example.org")));
    }
}
