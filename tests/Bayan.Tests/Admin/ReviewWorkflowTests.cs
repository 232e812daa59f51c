using Bayan.Operations;
using System.Net;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Admin;

/// <summary>
/// An office that requires review, and writers who never publish, through HTTP: what is refused
/// changes nothing, what waits for review stays off the public site until an editor publishes it,
/// and each page offers only the actions its reader may take.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReviewWorkflowTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_writer_drafts_and_submits_but_is_neither_offered_nor_allowed_to_publish()
    {
        var office = await site.Seed.OfficeAsync();
        using var writer = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));

        var created = await writer.PostFormAsync("/admin/releases/new", "/admin/releases/new",
            [new("OfficeId", office.Id.ToString()), new("Type", "PressRelease"), new("Language", "ar"), new("Title", "بيان كاتب"), new("Summary", ""), new("Body", "نص")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());
        var detail = $"/admin/releases/{id}";
        Assert.Equal(["Submit"], await ActionsAsync(writer, detail));

        AssertRefused(await writer.PostFormAsync(detail, $"{detail}?handler=Publish", []));
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostFormAsync(detail, $"{detail}?handler=Submit", [])).StatusCode);
        Assert.Equal(["Draft"], await ActionsAsync(writer, detail));
        AssertRefused(await writer.PostFormAsync(detail, $"{detail}?handler=Publish", []));
        AssertRefused(await writer.PostFormAsync(detail, $"{detail}?handler=Schedule", [new("at", "2099-01-01T10:00")]));
        Assert.Equal(ReleaseStatus.InReview, await StatusAsync(id));

        using var editor = await SignedInAsync(await site.Seed.UserAsync(offices: [office.Id]));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(detail, $"{detail}?handler=Publish", [])).StatusCode);
        Assert.Equal(ReleaseStatus.Published, await StatusAsync(id));
        Assert.Empty(await ActionsAsync(writer, detail));
    }

    [Fact]
    public async Task Where_the_office_requires_review_publish_now_from_a_draft_is_neither_offered_nor_allowed()
    {
        var office = await ReviewedOfficeAsync();
        var id = await DraftAsync(office.Id);
        using var editor = await SignedInAsync(await site.Seed.UserAsync(offices: [office.Id]));
        var detail = $"/admin/releases/{id}";
        Assert.Equal(["Submit"], await ActionsAsync(editor, detail));

        var publish = await editor.PostFormAsync(detail, $"{detail}?handler=Publish", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        Assert.Contains("requires review", await publish.Content.ReadAsStringAsync());
        var schedule = await editor.PostFormAsync(detail, $"{detail}?handler=Schedule", [new("at", "2099-01-01T10:00")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, schedule.StatusCode);
        Assert.Equal(ReleaseStatus.Draft, await StatusAsync(id));

        await editor.PostFormAsync(detail, $"{detail}?handler=Submit", []);
        Assert.Equal(["Draft", "Publish", "Schedule"], await ActionsAsync(editor, detail));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(detail, $"{detail}?handler=Publish", [])).StatusCode);
        Assert.Equal(ReleaseStatus.Published, await StatusAsync(id));
    }

    [Fact]
    public async Task Edits_of_a_published_release_translations_included_wait_until_an_editor_publishes_them()
    {
        var office = await ReviewedOfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, english: false);
        var original = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id));
        var translator = await site.Seed.UserAsync(languages: ["tr"]);
        using var translating = await SignedInAsync(translator);
        using var writing = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));

        var translated = await translating.PostFormAsync($"/admin/releases/{release.Id}/tr", $"/admin/releases/{release.Id}/tr",
            [new("Title", "Bülten çevirisi"), new("Summary", ""), new("Body", "Metin")]);
        Assert.EndsWith("?done=edit_held", translated.Headers.Location!.OriginalString);
        var edited = await writing.PostFormAsync($"/admin/releases/{release.Id}/ar", $"/admin/releases/{release.Id}/ar",
            [new("Title", "عنوان لم يراجع"), new("Summary", ""), new("Body", "نص لم يراجع"), new("BaseConcurrency", original.ConcurrencyVersion.ToString())]);
        Assert.EndsWith("?done=edit_held", edited.Headers.Location!.OriginalString);

        // Readers see the published text alone.
        var arabic = $"/ar/{office.Code}/{release.Id}/{Uri.EscapeDataString(original.Slug)}";
        var (_, page) = await site.Http.GetPageAsync(arabic);
        Assert.Equal(original.Title, page.Text("article.release h1"));
        Assert.False(await site.Seed.WithDbAsync(db => db.ReleaseVersions.AnyAsync(v => v.ReleaseId == release.Id && v.Language == "tr")));
        // The writer continues from the held text; a writer is not offered to publish it.
        Assert.Equal("عنوان لم يراجع", (await writing.PageAsync($"/admin/releases/{release.Id}/ar")).QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Empty((await writing.PageAsync($"/admin/releases/{release.Id}")).QuerySelectorAll("form[action$='handler=PublishHeld']"));

        using var editor = await SignedInAsync(await site.Seed.UserAsync(offices: [office.Id]));
        var held = await site.Seed.WithDbAsync(db => db.HeldEdits.Where(h => h.ReleaseId == release.Id).ToDictionaryAsync(h => h.Language, h => h.Id));
        var detail = $"/admin/releases/{release.Id}";
        Assert.Equal(2, (await editor.PageAsync(detail)).QuerySelectorAll("form[action$='handler=PublishHeld']").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(detail, $"{detail}?handler=PublishHeld", [new("heldId", held["tr"].ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(detail, $"{detail}?handler=DiscardHeld", [new("heldId", held["ar"].ToString())])).StatusCode);

        var versions = await site.Seed.WithDbAsync(db => db.ReleaseVersions.Include(v => v.Revisions).Where(v => v.ReleaseId == release.Id).ToListAsync());
        var turkish = versions.Single(v => v.Language == "tr");
        Assert.Equal("Bülten çevirisi", turkish.Title);
        Assert.Equal(translator.DisplayName, turkish.Revisions.Single().Author);
        Assert.Equal(original.Title, versions.Single(v => v.Language == "ar").Title);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/tr/{office.Code}/{release.Id}/{Uri.EscapeDataString(turkish.Slug)}")).StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.HeldEdits.AnyAsync(h => h.ReleaseId == release.Id)));
    }

    [Fact]
    public async Task A_held_edit_saved_meanwhile_by_someone_else_is_a_conflict_not_an_overwrite()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, english: false);
        var original = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id));
        var form = $"/admin/releases/{release.Id}/ar";
        using var first = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));
        using var second = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));
        var opened = original.ConcurrencyVersion.ToString();
        Assert.EndsWith("?done=edit_held", (await first.PostFormAsync(form, form,
            [new("Title", "عنوان الأول"), new("Summary", ""), new("Body", "نص الأول"), new("BaseConcurrency", opened)])).Headers.Location!.OriginalString);
        // Both open the held text; the first saves again, then the second saves what it opened.
        var seenByFirst = (await first.PageAsync(form)).QuerySelector("input[name=HeldSeen]")!.GetAttribute("value")!;
        var seenBySecond = (await second.PageAsync(form)).QuerySelector("input[name=HeldSeen]")!.GetAttribute("value")!;
        Assert.EndsWith("?done=edit_held", (await first.PostFormAsync(form, form,
            [new("Title", "عنوان الأول"), new("Summary", ""), new("Body", "نص الأول المنقح"), new("BaseConcurrency", opened), new("HeldSeen", seenByFirst)])).Headers.Location!.OriginalString);

        var late = await second.PostFormAsync(form, form,
            [new("Title", "عنوان الثاني"), new("Summary", ""), new("Body", "نص الثاني"), new("BaseConcurrency", opened), new("HeldSeen", seenBySecond)]);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("نص الأول المنقح", await site.Seed.WithDbAsync(db => db.HeldEdits.Where(h => h.ReleaseId == release.Id).Select(h => h.Body).SingleAsync()));
        // Taking theirs for the body and keeping one's own title is then a save over the newer held text.
        var resolved = await second.PostFormAsync(form, form,
            [new("Title", "عنوان الثاني"), new("Summary", ""), new("Body", "نص الثاني"), new("BaseConcurrency", opened),
             new("HeldSeen", SaveVersion.HeldStamp(await site.Seed.WithDbAsync(db => db.HeldEdits.SingleAsync(h => h.ReleaseId == release.Id)))),
             new("take[body]", "theirs")]);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.EndsWith("?done=edit_held", resolved.Headers.Location!.OriginalString);
        var held = await site.Seed.WithDbAsync(db => db.HeldEdits.SingleAsync(h => h.ReleaseId == release.Id));
        Assert.Equal(("عنوان الثاني", "نص الأول المنقح"), (held.Title, held.Body));
    }

    [Fact]
    public async Task Without_the_rule_a_writers_edit_of_a_published_release_still_waits_and_an_editors_goes_out()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, english: false);
        var original = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id));
        var form = $"/admin/releases/{release.Id}/ar";
        using var writer = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));
        var held = await writer.PostFormAsync(form, form, [new("Title", "عنوان الكاتب"), new("Summary", ""), new("Body", "نص"), new("BaseConcurrency", original.ConcurrencyVersion.ToString())]);
        Assert.EndsWith("?done=edit_held", held.Headers.Location!.OriginalString);
        Assert.Equal(original.Title, await TitleAsync(release.Id));
        // A writer cannot correct, retract or change what the published release is filed under (the editor page lends the form token).
        var detail = $"/admin/releases/{release.Id}";
        AssertRefused(await writer.PostFormAsync(form, $"{detail}?handler=Retract", [new("note", "no")]));
        AssertRefused(await writer.PostFormAsync(form, $"{detail}?handler=Details", [new("type", "News")]));

        using var editor = await SignedInAsync(await site.Seed.UserAsync(offices: [office.Id]));
        var saved = await editor.PostFormAsync(form, form, [new("Title", "عنوان المحرر"), new("Summary", ""), new("Body", "نص"), new("BaseConcurrency", original.ConcurrencyVersion.ToString())]);
        Assert.EndsWith("?done=edit_saved", saved.Headers.Location!.OriginalString);
        Assert.Equal("عنوان المحرر", await TitleAsync(release.Id));
        Assert.Equal(["Correct", "Retract"], await ActionsAsync(editor, detail));
    }

    [Fact]
    public async Task A_translator_is_not_offered_a_new_release_and_a_writer_is()
    {
        var office = await site.Seed.OfficeAsync();
        using var translator = await SignedInAsync(await site.Seed.UserAsync(languages: ["en"]));
        Assert.Empty((await translator.PageAsync("/admin")).QuerySelectorAll("a[href='/admin/releases/new']"));
        using var writer = await SignedInAsync(await site.Seed.UserAsync(writerOffices: [office.Id]));
        Assert.NotEmpty((await writer.PageAsync("/admin")).QuerySelectorAll("a[href='/admin/releases/new']"));
    }

    [Fact]
    public async Task An_administrator_makes_an_office_require_review_and_an_account_a_writer()
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await SignedInAsync(await site.Seed.UserAsync(administrator: true));
        var page = $"/admin/offices/{office.Id}";
        var saved = await admin.PostFormAsync(page, page,
            [new("Code", office.Code), new("Names[ar]", "مكتب"), new("DefaultLanguage", "ar"), new("TimeZone", "Asia/Riyadh"),
             new("HijriAdjustment", "0"), new("NumberingPattern", "{hijri-year}/{seq:2}"), new("RequiresReview", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await site.Seed.WithDbAsync(db => db.Offices.Where(o => o.Id == office.Id).Select(o => o.RequiresReview).SingleAsync()));
        Assert.Equal("checked", (await admin.PageAsync(page)).QuerySelector("#RequiresReview")!.GetAttribute("checked"));

        var email = Seed.Unique("writer") + "@example.org";
        var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("DisplayName", "Writer"), new("Email", email), new("Language", "en"), new("WriterOfficeIds", office.Id.ToString())]);
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, created.StatusCode.ToString());
        var rows = await site.Seed.WithDbAsync(db => db.UserOffices.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == email)).ToListAsync());
        Assert.False(Assert.Single(rows).CanPublish);
    }

    /// <summary>The back office answers a forbidden action by sending the person to its "not allowed" page.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.OriginalString ?? "").Contains("/admin/denied"),
            $"{response.StatusCode} {response.Headers.Location}");

    private async Task<AdminClient> SignedInAsync(User user)
    {
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    private async Task<Bayan.Offices.Office> ReviewedOfficeAsync()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.WithDbAsync(db => db.Offices.Where(o => o.Id == office.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.RequiresReview, true)));
        office.RequiresReview = true;
        return office;
    }

    private async Task<int> DraftAsync(int officeId) =>
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Actor.System("tests"),
            new NewRelease(officeId, ReleaseType.News, "ar", "مسودة", null, "", "نص"), default))).ReleaseId;

    /// <summary>The workflow buttons the page offers, by handler, in page order.</summary>
    private static async Task<string[]> ActionsAsync(AdminClient client, string detail) =>
        [.. (await client.PageAsync(detail)).QuerySelectorAll(".workflow form")
            .Select(f => f.GetAttribute("action")!.Split("handler=")[1])];

    private Task<ReleaseStatus> StatusAsync(int id) =>
        site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    private Task<string> TitleAsync(int id) =>
        site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.ReleaseId == id && v.Language == "ar").Select(v => v.Title).SingleAsync());
}
