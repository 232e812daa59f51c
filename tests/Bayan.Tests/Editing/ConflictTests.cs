using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Editing;

/// <summary>Edit conflicts through the back office's forms: only the differing fields, a word diff each, and a side kept per field.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ConflictTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly HtmlParser Parser = new();

    private async Task<AdminClient> EditorAsync()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    private Task<Bayan.Releases.ReleaseVersion> EnglishAsync(int releaseId) =>
        site.Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == releaseId && v.Language == "en"));

    private static KeyValuePair<string, string>[] Text(Bayan.Releases.ReleaseVersion v, string? summary = null, string? body = null, int? concurrency = null) =>
        [new("Title", v.Title), new("Slug", v.Slug), new("Summary", summary ?? v.Summary), new("Body", body ?? v.Body), new("BaseConcurrency", (concurrency ?? v.ConcurrencyVersion).ToString())];

    [Fact]
    public async Task A_conflict_in_the_summary_alone_shows_the_summary_alone_and_either_side_can_be_kept_per_field()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var opened = await EnglishAsync(release.Id);
        using var first = await EditorAsync();
        using var second = await EditorAsync();
        var path = $"/admin/releases/{release.Id}/en";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(path, Text(opened, summary: "A campaign in every health centre"))).StatusCode);

        // The second editor changed the summary too, from the same opened text.
        var response = await second.PostFormAsync(path, Text(opened, summary: "A campaign in every school"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var field = Assert.Single(page.QuerySelectorAll(".conflict .conflict-field"));
        Assert.Equal("summary", field.GetAttribute("data-field"));
        Assert.Equal("health centre", field.QuerySelector("del")!.TextContent);
        Assert.Equal("school", field.QuerySelector("ins")!.TextContent);
        Assert.Equal("A campaign in every school", page.QuerySelector("#Summary")!.TextContent);

        // Keeping theirs for the summary while changing the body: both land.
        var current = page.QuerySelector("input[name=BaseConcurrency]")!.GetAttribute("value")!;
        var resolved = await second.PostFormAsync(path,
            [.. Text(opened, summary: "A campaign in every school", body: "The campaign starts on Monday.", concurrency: int.Parse(current)), new("take[summary]", "theirs")]);

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var stored = await EnglishAsync(release.Id);
        Assert.Equal(("A campaign in every health centre", "The campaign starts on Monday."), (stored.Summary, stored.Body));
    }

    [Fact]
    public async Task Taking_theirs_for_a_field_against_a_newer_save_is_another_conflict_not_an_overwrite()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        var opened = await EnglishAsync(release.Id);
        using var editor = await EditorAsync();
        var path = $"/admin/releases/{release.Id}/en";
        await editor.PostFormAsync(path, Text(opened, body: "Second save."));
        await editor.PostFormAsync(path, Text(await EnglishAsync(release.Id), body: "Third save."));

        var response = await editor.PostFormAsync(path, [.. Text(opened, body: "Mine."), new("take[body]", "theirs")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Third save.", (await EnglishAsync(release.Id)).Body);
    }

    [Fact]
    public async Task Filing_saved_by_someone_else_meanwhile_is_a_conflict_of_the_fields_that_differ()
    {
        var office = await site.Seed.OfficeAsync();
        var health = await site.Seed.CategoryAsync();
        var schools = await site.Seed.CategoryAsync();
        var release = await site.Seed.ReleaseAsync(office, category: health);
        using var first = await EditorAsync();
        using var second = await EditorAsync();
        var path = $"/admin/releases/{release.Id}";
        KeyValuePair<string, string>[] Seen() =>
            [new("seenType", "PressRelease"), new("seenCategoryIds", health.Id.ToString()), new("seenTags", "")];

        var saved = await first.PostFormAsync(path, path + "?handler=Details",
            [.. Seen(), new("type", "PressRelease"), new("categoryIds", health.Id.ToString()), new("tags", "vaccines")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The second editor, who opened the form before that save, files it under schools.
        var response = await second.PostFormAsync(path, path + "?handler=Details",
            [.. Seen(), new("type", "PressRelease"), new("categoryIds", schools.Id.ToString()), new("tags", "")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(["categories", "tags"], page.QuerySelectorAll(".conflict .conflict-field").Select(f => f.GetAttribute("data-field")));
        Assert.Equal("vaccines", page.QuerySelector(".conflict-field[data-field=tags] del")!.TextContent);
        var stored = await site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Categories).Include(r => r.Tags).AsNoTracking().SingleAsync(r => r.Id == release.Id));
        Assert.Equal([health.Id], stored.Categories.Select(c => c.Id));

        // Keep their tag, keep my category: the form now says it saw their filing.
        var resolved = await second.PostFormAsync(path, path + "?handler=Details",
            [new("seenType", "PressRelease"), new("seenCategoryIds", health.Id.ToString()), new("seenTags", "vaccines"),
             new("type", "PressRelease"), new("categoryIds", schools.Id.ToString()), new("tags", ""), new("take[tags]", "theirs")]);

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        stored = await site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Categories).Include(r => r.Tags).ThenInclude(t => t.Names).AsNoTracking().SingleAsync(r => r.Id == release.Id));
        Assert.Equal([schools.Id], stored.Categories.Select(c => c.Id));
        Assert.Equal(["vaccines"], stored.Tags.Select(t => t.NameFor(stored.OriginalLanguage)));
    }
}
