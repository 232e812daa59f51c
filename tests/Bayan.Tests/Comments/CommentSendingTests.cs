using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Comments;

/// <summary>
/// What a reader's form may send that is not a clean comment: plain text with a "&lt;" in it, the same
/// sending twice, and sendings the framework would refuse as malformed. The reader never loses the text.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class CommentSendingTests(CommentTestSite site) : IClassFixture<CommentTestSite>
{
    private static readonly HtmlParser Parser = new();

    private static string PagePath(Bayan.Releases.Release release) =>
        $"/en/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == "en").Slug)}";

    [Theory]
    [InlineData("a<b")]
    [InlineData("x <y and then some")]
    [InlineData("a<b, b<c")]
    public async Task Plain_text_with_a_less_than_sign_is_kept(string text)
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var name = Seed.Unique("Reader");
        using var reader = new AdminClient(site.BaseAddress);

        var response = await reader.PostCommentAsync(PagePath(release) + "/comments",
            [new("name", name), new("email", "r@example.org"), new("text", text)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(text, await site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Name == name).Select(c => c.Text).SingleAsync()));
    }

    [Fact]
    public async Task The_same_form_sent_twice_with_the_same_token_is_kept_once()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var name = Seed.Unique("Reader");
        using var reader = new AdminClient(site.BaseAddress);
        var token = await reader.GetAsync(Bayan.Web.PublicSite.CommentsEndpoint.TokenPath);
        var fields = new KeyValuePair<string, string>[]
        {
            new("name", name), new("email", "r@example.org"), new("text", "Only once, please"),
            new("__RequestVerificationToken", await token.Content.ReadAsStringAsync()),
        };

        var first = await reader.PostFieldsAsync(PagePath(release) + "/comments", fields);
        var second = await reader.PostFieldsAsync(PagePath(release) + "/comments", fields);
        var other = await reader.PostFieldsAsync(PagePath(release) + "/comments",
            [.. fields.Where(f => f.Key != "text"), new("text", "A second thought")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(["A second thought", "Only once, please"],
            await site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Name == name).OrderBy(c => c.Text).Select(c => c.Text).ToListAsync()));
    }

    [Fact]
    public async Task A_parent_that_is_not_a_number_brings_the_form_back_with_the_text()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var name = Seed.Unique("Reader");
        using var reader = new AdminClient(site.BaseAddress);

        var response = await reader.PostCommentAsync(PagePath(release) + "/comments",
            [new("name", name), new("email", "r@example.org"), new("text", "My careful words"), new("parent", "abc")]);

        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("My careful words", page.QuerySelector("#comment-text")!.TextContent);
        Assert.Equal(name, page.QuerySelector("#comment-name")!.GetAttribute("value"));
        Assert.Equal("The comment you answer is not there any more.", page.QuerySelector(".comment-form .error")!.TextContent);
        Assert.False(await site.Seed.WithDbAsync(db => db.Comments.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task A_nul_character_brings_the_form_back_with_the_text_and_a_clear_message()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var name = Seed.Unique("Reader");
        using var reader = new AdminClient(site.BaseAddress);

        var response = await reader.PostCommentAsync(PagePath(release) + "/comments",
            [new("name", name), new("email", "r@example.org"), new("text", "before\0after")]);

        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("beforeafter", page.QuerySelector("#comment-text")!.TextContent);
        Assert.Contains("cannot be shown", page.QuerySelector(".comment-form .error")!.TextContent);
        Assert.False(await site.Seed.WithDbAsync(db => db.Comments.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task An_oversized_sending_brings_the_form_back_with_the_start_of_the_text()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var name = Seed.Unique("Reader");
        // A million letters: over a megabyte even before encoding, beyond what any comment may hold.
        var text = "بداية النص " + new string('ن', 1_000_000);
        using var reader = new AdminClient(site.BaseAddress);
        var token = await (await reader.GetAsync(Bayan.Web.PublicSite.CommentsEndpoint.TokenPath)).Content.ReadAsStringAsync();

        // In the order a browser sends the form: the token's hidden field comes first.
        var response = await reader.PostFieldsAsync(PagePath(release) + "/comments",
            [new("__RequestVerificationToken", token), new("name", name), new("email", "r@example.org"), new("text", text)]);

        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(name, page.QuerySelector("#comment-name")!.GetAttribute("value"));
        var shown = page.QuerySelector("#comment-text")!.TextContent;
        Assert.StartsWith("بداية النص ننن", shown);
        Assert.Equal(5_000, shown.Length);
        Assert.Contains("5000", page.QuerySelector(".comment-form .error")!.TextContent.Replace(",", ""));
        Assert.False(await site.Seed.WithDbAsync(db => db.Comments.AnyAsync(c => c.Name == name)));
    }
}
