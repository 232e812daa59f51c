using Bayan.Accounts;
using Bayan.Changes;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Sites;
using Bayan.Tests.Support;
using Bayan.Web.Api.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Api;

/// <summary>
/// Without the output cache, a list of releases read once is sent again from this process's copy
/// (<see cref="ReleaseListCopies"/>), and every change to a release shows in it on the next request.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseListCopyTests(CommandCountingSite site) : IClassFixture<CommandCountingSite>
{
    private static readonly Actor Editor = Actor.System("list copy tests");

    private async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task A_list_read_once_costs_the_database_nothing_until_a_release_changes_and_then_shows_the_change()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var path = $"/api/v1/releases?office={office.Code}&language=en";
        Assert.True(await site.CommandsForAsync(path) > 0);
        Assert.Equal(0, await site.CommandsForAsync(path));

        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en"));
        var title = Seed.Unique("Edited title");
        Assert.IsType<Outcome.Done>(await RunAsync<SaveVersion, Outcome>(s => s.RunAsync(Editor,
            new VersionEdit(release.Id, "en", title, version.Slug, "A new summary", "A new body.", version.ConcurrencyVersion), CancellationToken.None)));
        var edited = await site.Http.GetApiAsync(path);
        Assert.Contains(title, edited.Body);
        Assert.Equal(0, await site.CommandsForAsync(path));

        Assert.IsType<Outcome.Done>(await RunAsync<ReleaseWorkflow, Outcome>(w =>
            w.RetractAsync(Editor, release.Id, "Issued in error.", CancellationToken.None)));
        Assert.Empty((await site.Http.GetApiAsync(path)).Ids);
    }

    [Fact]
    public async Task A_reading_begun_before_a_change_is_not_kept_after_it()
    {
        using var copies = new ReleaseListCopies(keeps: true);
        var snapshot = await SnapshotAsync();
        var begun = copies.Begin();
        await copies.ChangedAsync(new ContentChange.Release(7));
        copies.Keep(snapshot, "key", List("old"), begun);
        Assert.Null(copies.Find(snapshot, "key"));

        copies.Keep(snapshot, "key", List("new"), copies.Begin());
        Assert.Equal("new", copies.Find(snapshot, "key")!.Next);
    }

    [Fact]
    public async Task Comments_leave_lists_alone_and_among_several_nodes_nothing_is_kept()
    {
        var snapshot = await SnapshotAsync();
        using var alone = new ReleaseListCopies(keeps: true);
        alone.Keep(snapshot, "key", List("kept"), alone.Begin());
        await alone.ChangedAsync(new ContentChange.Comments([7]));
        Assert.Equal("kept", alone.Find(snapshot, "key")!.Next);
        await alone.ChangedAsync(new ContentChange.Everything("test"));
        Assert.Null(alone.Find(snapshot, "key"));

        using var several = new ReleaseListCopies(keeps: false);
        several.Keep(snapshot, "key", List("kept"), several.Begin());
        Assert.Null(several.Find(snapshot, "key"));
    }

    private static ReleaseList List(string next) => new([], next, null);

    private async Task<SiteSnapshot> SnapshotAsync() =>
        (await site.Services.GetRequiredService<SiteReader>().LoadAsync(CancellationToken.None))!;
}
