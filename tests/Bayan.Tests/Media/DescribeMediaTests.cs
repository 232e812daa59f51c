using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp.Formats.Png;

namespace Bayan.Tests.Media;

/// <summary>/admin/media/{id}: editors give a media item its alternative text and caption in each language of the site.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class DescribeMediaTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<(AdminClient Client, Accounts.User User)> SignedInAsync(int[]? offices = null, string[]? languages = null)
    {
        var user = await site.Seed.UserAsync(offices: offices, languages: languages);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return (client, user);
    }

    /// <summary>An image uploaded as an editor would; the address of its page, found as the editor finds it: from the library's list.</summary>
    private async Task<(Guid Id, string Page)> UploadAsync(AdminClient editor)
    {
        var name = Seed.Unique("photo") + ".png";
        Assert.Equal(HttpStatusCode.OK, (await editor.UploadAsync("/admin/media", name, TestImages.Plain(640, 480, new PngEncoder()))).StatusCode);
        var library = await editor.PageAsync("/admin/media");
        var item = library.QuerySelectorAll(".media-grid li").Single(li => li.TextContent.Contains(name));
        var page = item.QuerySelector("a.describe")!.GetAttribute("href")!;
        return (Guid.Parse(page.Split('/').Last()), page);
    }

    private Task<List<Bayan.Media.MediaText>> TextsAsync(Guid id) =>
        site.Seed.WithDbAsync(db => db.MediaTexts.Where(t => t.MediaId == id).OrderBy(t => t.Language).ToListAsync());

    [Fact]
    public async Task An_editor_sets_alt_text_and_caption_per_language_and_the_change_is_audited()
    {
        var (editor, user) = await SignedInAsync(offices: [(await site.Seed.OfficeAsync()).Id]);
        using var _ = editor;
        var (id, page) = await UploadAsync(editor);

        var form = await editor.PageAsync(page);
        Assert.Equal(["ar", "en", "tr"], form.QuerySelectorAll("form.describe input[name=language]").Select(i => i.GetAttribute("value")));
        Assert.Equal("rtl", form.QuerySelector("#alt-ar")!.GetAttribute("dir"));
        var saved = await editor.PostFormAsync(page, [new("language", "ar"), new("altText", " شعار المكتب على خلفية خضراء "), new("caption", "الشعار الجديد للمكتب")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await editor.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("The alternative text and caption were saved.", shown.QuerySelector("#describe-ar .notice")!.TextContent);
        Assert.Equal("شعار المكتب على خلفية خضراء", shown.QuerySelector("#alt-ar")!.GetAttribute("value"));
        Assert.Equal("الشعار الجديد للمكتب", shown.QuerySelector("#caption-ar")!.TextContent);
        Assert.Equal("", shown.QuerySelector("#alt-en")!.GetAttribute("value"));
        var text = Assert.Single(await TextsAsync(id));
        Assert.Equal(("ar", "شعار المكتب على خلفية خضراء", "الشعار الجديد للمكتب"), (text.Language, text.AltText, text.Caption));
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == $"media:{id}" && a.Action == "media.described"));
        Assert.Equal(user.DisplayName, audit.Actor);

        // Both emptied: the language's texts are gone.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(page, [new("language", "ar"), new("altText", ""), new("caption", "")])).StatusCode);
        Assert.Empty(await TextsAsync(id));
    }

    [Fact]
    public async Task Html_or_an_overlong_caption_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var (editor, _) = await SignedInAsync(offices: [(await site.Seed.OfficeAsync()).Id]);
        using var _ = editor;
        var (id, page) = await UploadAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(page, [new("language", "en"), new("altText", "The office's logo"), new("caption", "")])).StatusCode);

        var refused = await editor.PostFormAsync(page, [new("language", "en"), new("altText", "<b>logo</b>"), new("caption", new string('x', 2_001))]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(
            ["Give an alternative text of at most 300 characters, without HTML.", "Give a caption of at most 2000 characters, without HTML."],
            form.QuerySelectorAll("#describe-en p.error").Select(p => p.TextContent));
        Assert.Equal("<b>logo</b>", form.QuerySelector("#alt-en")!.GetAttribute("value"));
        Assert.Empty(form.QuerySelectorAll("#describe-ar p.error"));
        var text = Assert.Single(await TextsAsync(id));
        Assert.Equal("The office's logo", text.AltText);
        Assert.Equal(1, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"media:{id}" && a.Action == "media.described")));

        var unknown = await editor.PostFormAsync(page, [new("language", "xx"), new("altText", "logo"), new("caption", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Single(await TextsAsync(id));
    }

    [Fact]
    public async Task Translators_may_not_describe_and_an_unknown_item_is_not_found()
    {
        var (editor, _) = await SignedInAsync(offices: [(await site.Seed.OfficeAsync()).Id]);
        using var _ = editor;
        var (id, page) = await UploadAsync(editor);
        var (translator, _) = await SignedInAsync(languages: ["en"]);
        using var __ = translator;

        var shown = await translator.GetAsync(page);
        var posted = await translator.PostFormAsync("/admin/account", page, [new("language", "en"), new("altText", "logo"), new("caption", "")]);

        Assert.Equal("/admin/denied", new Uri(site.BaseAddress, shown.Headers.Location!).AbsolutePath);
        Assert.Equal("/admin/denied", new Uri(site.BaseAddress, posted.Headers.Location!).AbsolutePath);
        Assert.Empty(await TextsAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/media/{Guid.NewGuid()}")).StatusCode);
    }
}
