using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Caching;

/// <summary>
/// The comment form on a release page every reader shares: no reader's token in it, and a reader
/// without script still gets their comment in, after one more press of the button.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class CommentFormTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_kept_release_page_carries_no_token_and_sets_no_cookie()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);

        // Cookies left to the test, so that a Set-Cookie would be seen, not swallowed.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = site.BaseAddress };
        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);

        foreach (var response in new[] { first, second })
        {
            Assert.False(response.Headers.Contains("Set-Cookie"));
            var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal("", page.QuerySelector(".comment-form input[name=__RequestVerificationToken]")!.GetAttribute("value"));
            Assert.NotNull(page.QuerySelector(".comment-form[data-token-url]"));
        }
        Assert.Equal("hit", second.Headers.GetValues("X-Cache").Single());
    }

    [Fact]
    public async Task Without_script_the_first_sending_comes_back_with_the_text_and_the_second_is_taken()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release, "ar");
        var name = Seed.Unique("قارئ");
        var text = "شكرًا على هذا البيان الواضح.";
        using var reader = new AdminClient(site.BaseAddress);
        var page = await reader.PageAsync(path);
        var action = page.QuerySelector(".comment-form")!.GetAttribute("action")!;
        KeyValuePair<string, string>[] fields = [new("name", name), new("email", "reader@example.org"), new("text", text), new("website", "")];

        using var first = await reader.PostFieldsAsync(action, [.. fields, new("__RequestVerificationToken", "")]);
        var again = await Parser.ParseDocumentAsync(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(text, again.QuerySelector("#comment-text")!.TextContent);
        Assert.Equal(name, again.QuerySelector("#comment-name")!.GetAttribute("value"));
        Assert.Equal("لم يُرسل تعليقك بعد. يُرجى مراجعته ثم الضغط على «إرسال» مرة أخرى.", again.Text(".comment-form .error"));
        Assert.False(await site.Seed.WithDbAsync(db => db.Comments.AnyAsync(c => c.Name == name)));
        var token = again.QuerySelector(".comment-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotEmpty(token);

        using var second = await reader.PostFieldsAsync(action, [.. fields, new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(text, await site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Name == name).Select(c => c.Text).SingleAsync()));
    }

    [Fact]
    public async Task A_comment_published_at_once_shows_on_the_kept_page_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.PublishCommentsAtOnce, true)));
        try
        {
            var path = CacheTestSite.PathOf(release);
            await site.Http.GetAsync(path);
            Assert.Equal("hit", (await Answer.GetAsync(site.Http, path)).Cache);
            var name = Seed.Unique("Reader");
            using var reader = new AdminClient(site.BaseAddress);

            var posted = await reader.PostCommentAsync(path + "/comments", [new("name", name), new("email", "r@example.org"), new("text", "Well said.")]);

            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var after = await Answer.GetAsync(site.Http, path);
            Assert.False(after.Hit);
            Assert.Contains(name, after.Body);
        }
        finally
        {
            await site.Seed.WithDbAsync(db => db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.PublishCommentsAtOnce, false)));
        }
    }
}
