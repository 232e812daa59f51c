using Bayan.Data;
using Bayan.Demo;
using Bayan.Search;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Startup;

/// <summary>
/// Starting skips migrating a database that is already up to date (it is costly even when there is
/// nothing to do), so a restart must still find every migration applied, and a database left behind
/// by an older Bayan must still be brought up to date.
/// </summary>
public sealed class RestartTests
{
    // A folder of its own for each test: xUnit makes a new instance for every test.
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Bayan:Data"] = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N")),
    };

    private async Task<(List<string> Known, List<string> Applied)> StartAsync(Func<BayanDb, Task>? before = null)
    {
        await using var app = BayanWebApp.Build(BayanArgs.Of(settings));
        if (before is not null)
        {
            using var setup = app.Services.CreateScope();
            await before(setup.ServiceProvider.GetRequiredService<BayanDb>());
        }
        await BayanWebApp.PrepareAsync(app, CancellationToken.None);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        return ([.. db.Database.GetMigrations()], [.. await db.Database.GetAppliedMigrationsAsync()]);
    }

    [Fact]
    public async Task A_restart_keeps_the_database_at_the_newest_migration()
    {
        await StartAsync();

        var (known, applied) = await StartAsync();

        Assert.Equal(known, applied);
    }

    [Fact]
    public async Task A_database_an_older_Bayan_left_behind_is_brought_up_to_date()
    {
        var (known, applied) = await StartAsync(async db =>
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First()));

        Assert.Equal(known, applied);
        Assert.True(known.Count > 1);
    }

    [Fact]
    public async Task A_site_upgraded_to_a_new_shape_of_the_search_index_finds_its_releases_again()
    {
        var (known, _) = await StartAsync();
        var found = await InAppAsync(async services =>
        {
            await services.GetRequiredService<DemoSite>().RunAsync(new Progress<(string, int, int)>(), CancellationToken.None);
            return await FoundAsync(services);
        });
        Assert.True(found > 0);
        // As an older Bayan left it: the index of the migration before, empty until the upgrade remakes it.
        await InAppAsync(async services =>
        {
            var db = services.GetRequiredService<BayanDb>();
            await db.GetService<IMigrator>().MigrateAsync(known[^2]);
            return 0;
        });

        var (_, applied) = await StartAsync();

        Assert.Equal(known, applied);
        Assert.Equal(found, await InAppAsync(FoundAsync));
    }

    private async Task<T> InAppAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var app = BayanWebApp.Build(BayanArgs.Of(settings));
        using var scope = app.Services.CreateScope();
        return await act(scope.ServiceProvider);
    }

    /// <summary>How many English versions a search finds for the word of an office's name ("City Water Authority").</summary>
    private static async Task<int> FoundAsync(IServiceProvider services)
    {
        var query = SearchQuery.Parse("water", out _)!;
        var results = await services.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(query, "en"), DateTime.UtcNow.AddDays(1), CancellationToken.None);
        return results.Total;
    }
}
