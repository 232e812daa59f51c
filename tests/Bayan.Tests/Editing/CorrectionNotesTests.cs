using System.Net;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Editing;

/// <summary>A correction note and a retraction reason per language version, from the release's page in the back office.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class CorrectionNotesTests(TestSite site) : IClassFixture<TestSite>
{
    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    private async Task<(Release Release, AdminClient Editor)> PublishedAsync()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var user = await site.Seed.UserAsync(offices: [office.Id]);
        var editor = new AdminClient(site.BaseAddress);
        Assert.True(await editor.SignInAsync(user.Email!, Seed.Password));
        return (release, editor);
    }

    private static Task<HttpResponseMessage> PostAsync(AdminClient editor, Release release, string handler, params KeyValuePair<string, string>[] fields) =>
        editor.PostFormAsync($"/admin/releases/{release.Id}", $"/admin/releases/{release.Id}?handler={handler}", fields);

    [Fact]
    public async Task Each_version_shows_its_own_correction_note_else_the_original_s_in_its_own_language()
    {
        var (release, editor) = await PublishedAsync();

        var both = await PostAsync(editor, release, "Correct", new("notes[ar]", "صُحّح تاريخ الحملة."), new("notes[en]", "The date of the campaign was corrected."));
        Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        var (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));
        var note = english.QuerySelector("article.release .correction span")!;
        Assert.Equal(("The date of the campaign was corrected.", "en"), (note.TextContent, note.GetAttribute("lang")));

        var arabicOnly = await PostAsync(editor, release, "Correct", new("notes[ar]", "صُحّح اسم المستشفى."), new("notes[en]", ""));
        Assert.Equal(HttpStatusCode.Redirect, arabicOnly.StatusCode);
        (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));
        note = english.QuerySelector("article.release .correction span")!;
        Assert.Equal(("صُحّح اسم المستشفى.", "ar", "rtl"), (note.TextContent, note.GetAttribute("lang"), note.GetAttribute("dir")));
        Assert.StartsWith("Corrected on", english.Text("article.release .correction strong"));
        var (_, arabic) = await site.Http.GetPageAsync(PathOf(release, "ar"));
        Assert.Equal("صُحّح اسم المستشفى.", arabic.Text("article.release .correction span"));
    }

    [Fact]
    public async Task A_correction_without_the_original_s_note_is_refused_and_changes_nothing()
    {
        var (release, editor) = await PublishedAsync();

        var response = await PostAsync(editor, release, "Correct", new KeyValuePair<string, string>("notes[en]", "Only in English."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var stored = await site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Versions).SingleAsync(r => r.Id == release.Id));
        Assert.Null(stored.CorrectedAt);
        Assert.All(stored.Versions, v => Assert.Null(v.CorrectionNote));
    }

    [Fact]
    public async Task Retracting_asks_for_confirmation_and_then_shows_the_reason_in_each_language()
    {
        var (release, editor) = await PublishedAsync();

        var unconfirmed = await PostAsync(editor, release, "Retract", new("notes[ar]", "صدر خطأً."), new("notes[en]", "Issued in error."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        // The form comes back saying why, with the reasons as typed.
        var refused = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("Tick the confirmation", refused.Text("p.error"));
        Assert.Equal("Issued in error.", refused.QuerySelector("form[action*='handler=Retract'] textarea[name='notes[en]']")!.TextContent);
        Assert.Equal(ReleaseStatus.Published, await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(PathOf(release, "en"))).StatusCode);

        var confirmed = await PostAsync(editor, release, "Retract", new("notes[ar]", "صدر خطأً."), new("notes[en]", "Issued in error."), new("confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var (english, englishPage) = await site.Http.GetPageAsync(PathOf(release, "en"));
        var (_, arabicPage) = await site.Http.GetPageAsync(PathOf(release, "ar"));
        Assert.Equal(HttpStatusCode.Gone, english.StatusCode);
        Assert.Equal(("Issued in error.", "en"), (englishPage.Text("article.retracted .note"), englishPage.QuerySelector("article.retracted .note")!.GetAttribute("lang")));
        Assert.Equal("صدر خطأً.", arabicPage.Text("article.retracted .note"));
    }

    [Fact]
    public async Task The_back_office_form_asks_for_a_note_in_each_language_and_a_ticked_confirmation()
    {
        var (release, editor) = await PublishedAsync();

        var page = await editor.PageAsync($"/admin/releases/{release.Id}");

        var retract = page.QuerySelector("form[action*='handler=Retract']")!;
        Assert.Equal(["notes[ar]", "notes[en]"], retract.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")));
        Assert.True(retract.QuerySelector("textarea[name='notes[ar]']")!.HasAttribute("required"));
        Assert.False(retract.QuerySelector("textarea[name='notes[en]']")!.HasAttribute("required"));
        Assert.True(retract.QuerySelector("input[type=checkbox][name=confirmed]")!.HasAttribute("required"));
        var correct = page.QuerySelector("form[action*='handler=Correct']")!;
        Assert.Equal(["notes[ar]", "notes[en]"], correct.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")));
    }
}
