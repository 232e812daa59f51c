using Bayan.Web.Caching;

namespace Bayan.Tests.Caching;

/// <summary>
/// A page rendered from rows read before a change must not be kept after the change evicted its
/// tags: the race between a reader's render and an editor's save, played out step by step.
/// </summary>
public sealed class EvictionLedgerTests
{
    private readonly EvictionLedger ledger = new();
    private readonly List<string> stored = [];

    private ValueTask StoreAsync(long begun, params string[] tags) =>
        ledger.StoreUnlessEvictedAsync(begun, tags, () => { stored.Add(string.Join(",", tags)); return ValueTask.CompletedTask; });

    [Fact]
    public async Task A_copy_begun_before_an_eviction_of_one_of_its_tags_is_not_kept()
    {
        var begun = ledger.Count;
        await ledger.EvictAsync("release:7", () => ValueTask.CompletedTask);

        await StoreAsync(begun, "site", "release:7");

        Assert.Empty(stored);
    }

    [Fact]
    public async Task Evictions_of_other_tags_or_before_the_copy_began_do_not_matter()
    {
        await ledger.EvictAsync("release:7", () => ValueTask.CompletedTask);
        var begun = ledger.Count;
        await ledger.EvictAsync("release:8", () => ValueTask.CompletedTask);

        await StoreAsync(begun, "site", "release:7");

        Assert.Equal(["site,release:7"], stored);
    }

    [Fact]
    public async Task Evicting_everything_stops_every_copy_in_flight()
    {
        var begun = ledger.Count;
        await ledger.EvictAsync(CacheTags.Everything, () => ValueTask.CompletedTask);

        await StoreAsync(begun, CacheTags.Everything, "office:3");

        Assert.Empty(stored);
    }
}
