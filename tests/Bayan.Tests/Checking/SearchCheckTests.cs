using System.Net;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Checking;

/// <summary>
/// `bayan check [--repair]` and the search index: what a damaged index looks like to a reader, that the check names
/// it, and that --repair puts it right.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SearchCheckTests(OtherProcessTestSite site) : IClassFixture<OtherProcessTestSite>
{
    [Fact]
    public async Task Search_that_misses_a_published_release_or_holds_an_unpublished_one_is_found_and_repaired()
    {
        var office = await site.Seed.OfficeAsync();
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var hourAgo = site.Ticks.GetUtcNow().UtcDateTime.AddHours(-1);
        var missed = await site.Seed.ReleaseAsync(office, title: word, publishAt: hourAgo);
        var withdrawn = await site.Seed.ReleaseAsync(office, publishAt: hourAgo);
        // The index loses one published release (as a crash between two writes could leave it), and keeps one that is no longer published.
        await site.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Data.BayanDb>();
            await db.Releases.Where(r => r.Id == missed.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReleaseStatus.Draft));
            await s.GetRequiredService<ISearchIndex>().UpdateAsync([missed.Id], default);
            await db.Releases.Where(r => r.Id == missed.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReleaseStatus.Published));
            return await db.Releases.Where(r => r.Id == withdrawn.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReleaseStatus.Draft));
        });
        Assert.Empty(await FoundAsync(word));

        var (checkedExit, found, _) = await RunAsync("check");
        var (repairedExit, repaired, _) = await RunAsync("check", "--repair");
        var (againExit, again, _) = await RunAsync("check");

        Assert.Equal(1, checkedExit);
        Assert.Contains($"✗ [search] Search does not find release {missed.Id}", found);
        Assert.Contains("✗ [search] Search holds language version", found);
        Assert.Contains("problems are left", found);
        Assert.Equal(0, repairedExit);
        Assert.Contains($"✓ [search] Search does not find release {missed.Id}", repaired);
        Assert.Equal(0, againExit);
        Assert.DoesNotContain("[search]", again);
        Assert.Contains("nothing is left wrong", again);
        // The running site learns of the command's repair when it next looks for other processes' changes.
        await site.Watch.LookAsync(CancellationToken.None);
        Assert.Single(await FoundAsync(word));
        var indexed = await site.InScopeAsync(s => s.GetRequiredService<ISearchIndex>().IndexedVersionsAsync(default));
        var withdrawnVersions = await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.ReleaseId == withdrawn.Id).Select(v => v.Id).ToListAsync());
        Assert.DoesNotContain(indexed, withdrawnVersions.Contains);
    }

    private async Task<IReadOnlyList<string>> FoundAsync(string word)
    {
        var (_, page) = await site.Http.GetPageAsync($"/en/search?q={word}");
        return [.. page.QuerySelectorAll("ol.results > li").Select(li => li.TextContent)];
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => CheckRun.RunAsync(site, args);
}
