using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Releases;
using Bayan.Tests.Embargo;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Editing;

/// <summary>Scheduling from a stale page: a publication time someone else set meanwhile is a conflict, never overwritten.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ScheduleConflictTests(ZonedTimeTestSite site) : IClassFixture<ZonedTimeTestSite>
{
    private async Task<AdminClient> EditorAsync()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    private Task<DateTime?> PublishAtAsync(int id) =>
        site.Seed.WithDbAsync(db => db.Releases.AsNoTracking().Where(r => r.Id == id).Select(r => r.PublishAt).SingleAsync());

    /// <summary>The text as a reader sees it: without the invisible marks that isolate the day, any space as a plain one.</summary>
    private static string Plain(IEnumerable<string> parts) =>
        string.Concat(string.Concat(parts).Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            .Select(c => char.IsWhiteSpace(c) ? ' ' : c));

    [Fact]
    public async Task A_time_set_by_someone_else_meanwhile_is_a_conflict_of_theirs_against_yours_and_either_side_can_be_kept()
    {
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync());
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Draft).SetProperty(r => r.PublishAt, (DateTime?)null)));
        using var first = await EditorAsync();
        using var second = await EditorAsync();
        var path = $"/admin/releases/{release.Id}";
        var opened = await second.PageAsync(path);
        var seen = opened.QuerySelector("#schedule-form input[name=seenAt]")!.GetAttribute("value")!;

        var saved = await first.PostFormAsync(path, path + "?handler=Schedule", [new("seenAt", seen), new("at", "2026-12-07T07:39")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The second editor, on the page opened before that, picks another time.
        var response = await second.PostFormAsync(path, path + "?handler=Schedule", [new("seenAt", seen), new("at", "2026-12-08T09:00")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var field = Assert.Single(page.QuerySelectorAll(".conflict .conflict-field"));
        Assert.Equal("publish_at", field.GetAttribute("data-field"));
        Assert.Equal("07:39 Makkah time, Monday, 7 December 2026", Plain(field.QuerySelector(".word-diff")!.ChildNodes
            .Where(n => n.NodeName != "INS").Select(n => n.TextContent)));
        Assert.Equal("09:00 Makkah time, Tuesday, 8 December 2026", Plain(field.QuerySelector(".word-diff")!.ChildNodes
            .Where(n => n.NodeName != "DEL").Select(n => n.TextContent)));
        Assert.Equal(new DateTime(2026, 12, 7, 4, 39, 0), await PublishAtAsync(release.Id));

        // Taking theirs keeps their time; the form now says it saw it.
        var seenNow = page.QuerySelector("#schedule-form input[name=seenAt]")!.GetAttribute("value")!;
        Assert.Equal("2026-12-08T09:00:00", page.QuerySelector("#schedule-form input[name=at]")!.GetAttribute("value"));
        var kept = await second.PostFormAsync(path, path + "?handler=Schedule", [new("seenAt", seenNow), new("at", "2026-12-08T09:00"), new("take[publish_at]", "theirs")]);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(new DateTime(2026, 12, 7, 4, 39, 0), await PublishAtAsync(release.Id));

        // Keeping yours against the time seen now sets it.
        var mine = await second.PostFormAsync(path, path + "?handler=Schedule", [new("seenAt", seenNow), new("at", "2026-12-08T09:00"), new("take[publish_at]", "yours")]);
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Equal(new DateTime(2026, 12, 8, 6, 0, 0), await PublishAtAsync(release.Id));
    }
}
