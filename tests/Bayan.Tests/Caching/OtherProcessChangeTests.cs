using Bayan.Changes;
using Bayan.Sites;
using Bayan.Tests.Support;
using Bayan.Web.ScaleOut;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Caching;

/// <summary>
/// One node without Redis, its output cache on, and a clock whose timers fire only when a test moves
/// it: the node's look for other processes' changes (once a second) runs when the test says so.
/// </summary>
public sealed class OtherProcessTestSite : TestSite
{
    // Just past the start of a five-minute window, so no kept page expires by itself during a test.
    public TickingClock Ticks { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 300 * 300 + 1));

    internal ChangeCountWatch Watch => Services.GetRequiredService<ChangeCountWatch>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Ticks);
}

[Trait(Suite.Category, Suite.Database)]
public sealed class OtherProcessChangeTests(OtherProcessTestSite site) : IClassFixture<OtherProcessTestSite>
{
    [Fact]
    public async Task A_clock_name_the_command_line_saved_shows_on_the_next_page_a_second_later()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, publishAt: site.Ticks.GetUtcNow().UtcDateTime.AddHours(-1));
        var path = $"/en/{office.Code}/";
        await Answer.GetAsync(site.Http, path);
        Assert.True((await Answer.GetAsync(site.Http, path)).Hit);

        // What `bayan site-dates --clock-name en=...` does, in a process of its own on the same database.
        await using (var commandLine = site.BuildCommandLine())
        {
            using var scope = commandLine.Services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<UpdateSiteDates>().RunAsync(
                new SiteDatesChange(ClockNames: new Dictionary<string, string> { ["en"] = "Lighthouse time" }), "cli:test", CancellationToken.None);
            Assert.True(outcome.Changed, string.Join("; ", outcome.Errors));
        }
        // The server has not looked yet: it still serves what it kept.
        Assert.DoesNotContain("Lighthouse time", (await Answer.GetAsync(site.Http, path)).Body);

        site.Ticks.Advance(ChangeCountWatch.Interval);

        Assert.True(await Eventually.TrueAsync(async () => (await Answer.GetAsync(site.Http, path)).Body.Contains("Lighthouse time")),
            "the page still shows the old clock name after the node's look");
    }

    [Fact]
    public async Task The_nodes_own_changes_drop_only_the_pages_they_touch()
    {
        var office = await site.Seed.OfficeAsync();
        var changed = await site.Seed.ReleaseAsync(office, publishAt: site.Ticks.GetUtcNow().UtcDateTime.AddHours(-1));
        var other = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync(), publishAt: site.Ticks.GetUtcNow().UtcDateTime.AddHours(-1));
        await site.Watch.LookAsync(CancellationToken.None);
        var path = CacheTestSite.PathOf(other);
        await Answer.GetAsync(site.Http, path);

        await site.InScopeAsync(async services =>
        {
            await services.GetRequiredService<IContentChanges>().SavedAsync(new ContentChange.Release(changed.Id));
            return true;
        });

        Assert.False(await site.Watch.LookAsync(CancellationToken.None));
        Assert.True((await Answer.GetAsync(site.Http, path)).Hit);
    }

    [Fact]
    public async Task A_restored_database_is_noticed_even_when_its_count_went_back()
    {
        await site.InScopeAsync(async services =>
        {
            await services.GetRequiredService<IContentChanges>().SavedAsync(new ContentChange.Everything("before the backup"));
            return true;
        });
        await site.Watch.LookAsync(CancellationToken.None);

        // A restore brings back the count of the day of the backup.
        await site.Seed.WithDbAsync(db => db.ChangeCounts.ExecuteUpdateAsync(c => c.SetProperty(x => x.Value, 0)));

        Assert.True(await site.Watch.LookAsync(CancellationToken.None));
        Assert.False(await site.Watch.LookAsync(CancellationToken.None));
    }
}
