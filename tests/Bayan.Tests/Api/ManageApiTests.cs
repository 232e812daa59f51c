using System.Net;
using System.Net.Http.Headers;
using Bayan.Comments;
using Bayan.Tests.Media;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp.Formats.Png;

namespace Bayan.Tests.Api;

/// <summary>Media, comments and the site's structure through the API: the back office's operations, for tokens with the right scope.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ManageApiTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<ApiClient> ClientAsync(TokenScope[] scopes, bool administrator = false, bool moderator = false)
    {
        var user = await site.Seed.UserAsync(administrator: administrator, moderator: moderator, offices: administrator ? null : [(await site.Seed.OfficeAsync()).Id]);
        return site.Client(await site.TokenAsync(user, scopes));
    }

    private static MultipartFormDataContent Upload(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

    [Fact]
    public async Task Media_is_uploaded_once_per_idempotency_key_and_described_per_language()
    {
        using var api = await ClientAsync(scopes: [TokenScope.Write]);
        var png = TestImages.Plain(1200, 600, new PngEncoder());
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> SendAsync()
        {
            // A retry builds its form anew, with another multipart boundary: still the same request.
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/media") { Content = Upload("بيان.png", png) };
            request.Headers.Add("Idempotency-Key", key);
            return await api.SendRawAsync(request);
        }

        var uploaded = await SendAsync();
        var again = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var media = await ApiClient.JsonAsync(uploaded);
        var id = (Guid)media["id"]!;
        Assert.Equal("png", (string)media["kind"]!);
        Assert.Equal([480, 960, 1200], media["renditions"]!.AsArray().Select(r => (int)r!["width"]!));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(id, (Guid)(await ApiClient.JsonAsync(again))["id"]!);
        Assert.Equal(1, await site.Seed.WithDbAsync(db => db.Media.CountAsync(m => m.Id == id || m.FileName == "بيان.png")));

        var described = await api.PutAsync($"/api/v1/media/{id}/texts/ar", new { altText = "وزير الصحة في المؤتمر", caption = "المؤتمر الصحفي" });
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        var texts = (await ApiClient.JsonAsync(await api.GetAsync($"/api/v1/media/{id}")))["texts"]!.AsArray();
        Assert.Equal("وزير الصحة في المؤتمر", (string)texts.Single()!["altText"]!);
        var html = await api.PutAsync($"/api/v1/media/{id}/texts/en", new { altText = "<b>x</b>" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
        Assert.NotNull((await ApiClient.ProblemAsync(html))["errors"]!["altText"]);

        var refused = await api.SendRawAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/media") { Content = Upload("report.pdf", png) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var notForm = await api.PostAsync("/api/v1/media", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notForm.StatusCode);
        var entries = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"media:{id}").Select(a => a.Action).ToListAsync());
        Assert.Equal(["media.described", "media.uploaded"], entries.Order());
    }

    [Fact]
    public async Task Moderators_list_and_moderate_comments_and_others_may_not()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var name = Seed.Unique("Reader");
        var comment = await site.Seed.WithDbAsync(async db =>
        {
            var version = await db.ReleaseVersions.FirstAsync(v => v.ReleaseId == release.Id && v.Language == "en");
            var added = new Comment { ReleaseVersionId = version.Id, Name = name, Email = "reader@example.org", Text = "Words", Status = CommentStatus.Pending, CreatedAt = site.Now };
            db.Comments.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using var moderator = await ClientAsync(moderator: true, scopes: [TokenScope.Moderate]);
        using var editor = await ClientAsync(scopes: [TokenScope.Write, TokenScope.Publish]);

        var pending = await ApiClient.JsonAsync(await moderator.GetAsync("/api/v1/comments"));
        Assert.Contains(pending.AsArray(), c => (int)c!["id"]! == comment && (string)c["name"]! == name && c["email"] is null);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/v1/comments/moderation", new { ids = new[] { comment }, action = "approve" })).StatusCode);
        var wrong = await moderator.PostAsync("/api/v1/comments/moderation", new { ids = new[] { comment }, action = "publish" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);

        var approved = await moderator.PostAsync("/api/v1/comments/moderation", new { ids = new[] { comment }, action = "approve" });

        Assert.Equal(1, (int)(await ApiClient.JsonAsync(approved))["changed"]!);
        Assert.Equal(CommentStatus.Approved, await site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Id == comment).Select(c => c.Status).SingleAsync()));
        var entry = await site.Seed.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == $"comment:{comment}"));
        Assert.Equal("comment.approve", entry.Action);
        Assert.Contains("(token ", entry.Actor);
    }

    [Fact]
    public async Task Categories_tags_pages_and_menus_need_an_administrators_admin_scope()
    {
        using var writer = await ClientAsync(administrator: true, scopes: [TokenScope.Write, TokenScope.Publish]);
        using var admin = await ClientAsync(administrator: true, scopes: [TokenScope.Admin]);
        var slug = Seed.Unique("economy");

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync("/api/v1/categories", new { names = new { en = "Economy" } })).StatusCode);

        var category = await admin.PostAsync("/api/v1/categories", new { names = new { en = "Economy", ar = "اقتصاد " + slug }, slugs = new { en = slug } });
        Assert.Equal(HttpStatusCode.Created, category.StatusCode);
        var categoryId = (int)(await ApiClient.JsonAsync(category))["id"]!;
        Assert.Equal($"/api/v1/categories/{categoryId}", category.Headers.Location!.OriginalString);
        var taken = await admin.PostAsync("/api/v1/categories", new { names = new { en = "Economy again" }, slugs = new { en = slug } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.NotNull((await ApiClient.ProblemAsync(taken))["errors"]!["name_en"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/categories/{categoryId}", new { names = new { en = "The economy" }, slugs = new { en = slug } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/categories/{categoryId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/categories/{categoryId}")).StatusCode);

        var (first, second) = (await site.Seed.TagAsync(), await site.Seed.TagAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/tags/{first.Id}", new { names = new { en = Seed.Unique("renamed") } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/tags/{first.Id}/merge", new { into = second.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tags/{second.Id}")).StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == first.Id || t.Id == second.Id)));

        var key = Seed.Unique("about");
        var page = await admin.PostAsync("/api/v1/pages", new { key, language = "en", title = "About " + key, body = "We are **a newsroom**." });
        Assert.Equal(HttpStatusCode.Created, page.StatusCode);
        var pageId = (int)(await ApiClient.JsonAsync(page))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/pages/{pageId}", new { key, language = "en", title = "About us " + key, body = "Changed." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/pages/{pageId}")).StatusCode);

        var label = Seed.Unique("Contact");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/menus/tr/items", new { label = "First", url = "/tr/" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/menus/tr/items", new { label, url = "https://example.org/contact" })).StatusCode);
        var itemId = await site.Seed.WithDbAsync(db => db.MenuItems.Where(m => m.Label == label).Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/menus/items/{itemId}/move-up")).StatusCode);
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.MenuItems.Where(m => m.Id == itemId).Select(m => m.Position).SingleAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/v1/menus/tr/items", new { label = "x", url = "javascript:alert(1)" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/menus/items/{itemId}")).StatusCode);

        var list = Seed.Unique("Partners");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/link-lists/en/links", new { list, label = "UN", url = "https://un.org" })).StatusCode);
        var linkId = await site.Seed.WithDbAsync(db => db.LinkLists.Where(l => l.Title == list).SelectMany(l => l.Items).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/link-lists/links/{linkId}")).StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.LinkLists.AnyAsync(l => l.Title == list)));
    }

    [Fact]
    public async Task An_administrators_write_token_edits_every_office_but_manages_nothing()
    {
        var office = await site.Seed.OfficeAsync();
        using var writer = await ClientAsync(administrator: true, scopes: [TokenScope.Write]);

        var created = await writer.PostAsync("/api/v1/releases", new { officeId = office.Id, language = "en", title = "Any office" });
        var published = await writer.PostAsync($"/api/v1/releases/{(int)(await ApiClient.JsonAsync(created))["id"]!}/publish", ifMatch: "*");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, published.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.DeleteAsync("/api/v1/pages/1")).StatusCode);
    }
}
