using Bayan.Operations;
using System.Net;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Editing;

[Trait(Suite.Category, Suite.Database)]
public sealed class EditingTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly Actor Editor = Actor.System("editor");

    private Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work) => site.InScopeAsync(work);

    private Task<Outcome> SaveAsync(int id, string lang, string title, string body, int? concurrency) =>
        RunAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor, new VersionEdit(id, lang, title, null, "", body, concurrency), default));

    private async Task<int> DraftAsync()
    {
        var office = await site.Seed.OfficeAsync();
        var outcome = await RunAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(office.Id, ReleaseType.PressRelease, "ar", "وزارة الصحة تعلن", null, "ملخص", "النص الأول", [], ["صحة", "Health"]), default));
        return Assert.IsType<Outcome.Done>(outcome).ReleaseId;
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_get_a_conflict_not_an_overwrite()
    {
        var id = await DraftAsync();

        var first = await SaveAsync(id, "ar", "العنوان أ", "نص المحرر الأول", 0);
        var second = await SaveAsync(id, "ar", "العنوان ب", "نص المحرر الثاني", 0);

        Assert.IsType<Outcome.Done>(first);
        var conflict = Assert.IsType<Outcome.Conflict>(second);
        Assert.Equal("نص المحرر الأول", conflict.Theirs.Body);
        Assert.Equal("نص المحرر الثاني", conflict.Yours.Body);
        var stored = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == id));
        Assert.Equal("نص المحرر الأول", stored.Body);
        Assert.Equal(2, await site.Seed.WithDbAsync(db => db.Revisions.CountAsync(r => r.ReleaseVersionId == stored.Id)));
    }

    [Fact]
    public async Task A_translation_is_outdated_when_the_original_changes_and_current_again_when_saved()
    {
        var id = await DraftAsync();
        await SaveAsync(id, "en", "Ministry announces", "First text", null);
        Assert.False(await OutdatedAsync(id));

        await SaveAsync(id, "ar", "وزارة الصحة تعلن اليوم", "النص المعدل", 0);
        Assert.True(await OutdatedAsync(id));

        var english = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == id && v.Language == "en"));
        await SaveAsync(id, "en", "Ministry announces today", "Updated text", english.ConcurrencyVersion);
        Assert.False(await OutdatedAsync(id));
    }

    private Task<bool> OutdatedAsync(int id) => site.Seed.WithDbAsync(async db =>
    {
        var versions = await db.ReleaseVersions.Where(v => v.ReleaseId == id).ToListAsync();
        var original = versions.Single(v => v.Language == "ar");
        return versions.Single(v => v.Language == "en").SourceRevisionId != original.CurrentRevisionId;
    });

    [Fact]
    public async Task Restoring_an_old_revision_makes_a_new_revision_with_its_text()
    {
        var id = await DraftAsync();
        await SaveAsync(id, "ar", "عنوان ثان", "نص ثان", 0);

        var outcome = await RunAsync(s => s.GetRequiredService<RestoreRevision>().RunAsync(Editor, id, "ar", 1, default));

        Assert.IsType<Outcome.Done>(outcome);
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.Include(v => v.Revisions).SingleAsync(v => v.ReleaseId == id));
        Assert.Equal("النص الأول", version.Body);
        Assert.Equal([1, 2, 3], version.Revisions.Select(r => r.Number).Order());
    }

    [Theory]
    [InlineData("", "body", "title", "A title is required.")]
    [InlineData("<script>alert(1)</script>", "body", "title", "HTML code is not allowed here; write plain text.")]
    [InlineData("Fine title", "body", "slug", "The address may hold letters")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string title, string body, string field, string message)
    {
        var id = await DraftAsync();
        var slug = field == "slug" ? "bad slug!" : null;

        var outcome = await RunAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor, new VersionEdit(id, "ar", title, slug, "", body, 0), default));

        var invalid = Assert.IsType<Outcome.Invalid>(outcome);
        Assert.StartsWith(message, invalid.Errors[field].In("en"));
        Assert.Equal(1, await site.Seed.WithDbAsync(db => db.Revisions.CountAsync(r => db.ReleaseVersions.Any(v => v.Id == r.ReleaseVersionId && v.ReleaseId == id))));
    }

    [Fact]
    public async Task An_over_long_title_and_an_unknown_office_are_refused()
    {
        var outcome = await RunAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(int.MaxValue, ReleaseType.News, "ar", new string('ع', 301), null, "", "", [], []), default));

        var invalid = Assert.IsType<Outcome.Invalid>(outcome);
        Assert.Contains("title", invalid.Errors.Keys);
        Assert.Contains("office", invalid.Errors.Keys);
    }

    [Fact]
    public async Task Tags_are_reused_by_their_slug()
    {
        var first = await DraftAsync();
        var second = await DraftAsync();

        var tags = await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == first || r.Id == second).SelectMany(r => r.Tags).Select(t => t.Id).Distinct().CountAsync());

        Assert.Equal(2, tags);
    }

    [Fact]
    public async Task A_scheduled_release_appears_at_its_time_without_a_request_and_gets_its_number()
    {
        var id = await DraftAsync();
        var office = await site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Office).Where(r => r.Id == id).Select(r => r.Office).SingleAsync());
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == id));
        var path = $"/ar/{office.Code}/{id}/{Uri.EscapeDataString(version.Slug)}";
        // Far enough ahead that scheduling and the first look usually finish before it.
        var at = DateTime.UtcNow.AddSeconds(8);

        var scheduled = await RunAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, id, at, default));
        Assert.IsType<Outcome.Done>(scheduled);
        var before = (await site.Http.GetAsync(path)).StatusCode;
        // On a very busy machine the first look may come after the time; then it proves nothing.
        if (DateTime.UtcNow < at)
            Assert.Equal(HttpStatusCode.NotFound, before);

        var published = await Eventually.TrueAsync(() => site.Seed.WithDbAsync(db => db.Releases.AnyAsync(r => r.Id == id && r.Status == ReleaseStatus.Published)), tenthsOfSeconds: 200);

        Assert.True(published, "The scheduler should publish the release within seconds of its time.");
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(path)).StatusCode);
        var release = await site.Seed.WithDbAsync(db => db.Releases.SingleAsync(r => r.Id == id));
        Assert.NotNull(release.ReferenceNumber);
        Assert.Equal(at, release.PublishAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Scheduling_in_the_past_is_refused()
    {
        var id = await DraftAsync();

        var outcome = await RunAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, id, DateTime.UtcNow.AddMinutes(-1), default));

        Assert.IsType<Outcome.Invalid>(outcome);
        Assert.Equal(ReleaseStatus.Draft, await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_correction_is_shown_on_the_page_and_a_retracted_release_says_so_in_the_reader_language()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var english = $"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}";
        var arabic = $"/ar/{office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions[0].Slug)}";

        await RunAsync(s => s.GetRequiredService<ReleaseWorkflow>().CorrectAsync(Editor, release.Id, "The date of the campaign was corrected.", default));
        var (_, corrected) = await site.Http.GetPageAsync(english);
        await RunAsync(s => s.GetRequiredService<ReleaseWorkflow>().RetractAsync(Editor, release.Id, "Issued in error.", default));
        var (gone, retracted) = await site.Http.GetPageAsync(arabic);
        var (_, listing) = await site.Http.GetPageAsync($"/en/{office.Code}/");

        Assert.Contains("The date of the campaign was corrected.", corrected.Text(".correction"));
        Assert.StartsWith("Corrected on", corrected.Text(".correction strong"));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("ar", retracted.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("This release", retracted.Text(".retracted .notice"));
        Assert.Contains("هـ", retracted.Text(".retracted .notice"));
        Assert.Equal("Issued in error.", retracted.Text(".retracted .note"));
        Assert.Empty(listing.QuerySelectorAll(".card"));
    }

    [Fact]
    public async Task Type_categories_and_tags_can_change_after_creation_and_show_on_the_public_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var category = await site.Seed.CategoryAsync();
        var editor = await site.Seed.UserAsync(offices: [office.Id]);
        var translator = await site.Seed.UserAsync(languages: ["en"]);
        // Typed by its English name, so the English page shows it.
        var tag = Seed.EnglishSlug(await site.Seed.TagAsync());
        KeyValuePair<string, string>[] form = [new("type", "Statement"), new("categoryIds", category.Id.ToString()), new("tags", tag)];

        using (var refused = new AdminClient(site.BaseAddress))
        {
            Assert.True(await refused.SignInAsync(translator.Email!, Seed.Password));
            await refused.PostFormAsync($"/admin/releases/{release.Id}", $"/admin/releases/{release.Id}?handler=Details", form);
        }
        Assert.Equal(ReleaseType.PressRelease, await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).Select(r => r.Type).SingleAsync()));

        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(editor.Email!, Seed.Password));
        var response = await client.PostFormAsync($"/admin/releases/{release.Id}", $"/admin/releases/{release.Id}?handler=Details", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await site.Http.GetPageAsync($"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}");
        Assert.Equal("Statement", page.Text("article.release .type"));
        Assert.Contains(page.QuerySelectorAll(".terms a"), a => a.TextContent == $"#{tag}");
        Assert.Contains(page.QuerySelectorAll(".terms a"), a => a.TextContent == category.Names.Single(n => n.Language == "en").Name);
    }
}
