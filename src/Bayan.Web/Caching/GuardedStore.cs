using Microsoft.AspNetCore.OutputCaching;

namespace Bayan.Web.Caching;

/// <summary>
/// Wraps the real store (in memory, or Redis when several nodes share it) so that a copy rendered
/// before a change is never kept after it. A reader's request may read the database just before an
/// editor's change commits and finish rendering just after the change evicted its tags: stored then,
/// the old page would outlive the change. The <see cref="EvictionLedger"/> says which copies are too old.
/// </summary>
internal sealed class GuardedStore(IOutputCacheStore inner, EvictionLedger ledger, IHttpContextAccessor requests, FrontCopies front)
    : IOutputCacheStore
{
    /// <summary>Whether the store keeps its copies only briefly just now (see <see cref="IKeepsBriefly"/>).</summary>
    public bool KeepsBriefly => inner is IKeepsBriefly { KeepsBriefly: true };

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => inner.GetAsync(key, ct);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        try
        {
            await ledger.EvictAsync(tag, () => inner.EvictByTagAsync(tag, ct));
        }
        finally
        {
            // After the store's own eviction: a front copy taken from the store from now on is fresh.
            front.Clear();
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
    {
        // Without the count its request began at, a copy's freshness cannot be vouched for.
        if (requests.HttpContext is not { } http || SharedPagePolicy.BegunAt(http) is not { } begun)
            return ValueTask.CompletedTask;
        return StoreAsync(begun, key, value, tags, validFor, ct);
    }

    /// <summary>Keeps a copy begun at eviction count <paramref name="begun"/> unless it is, or turns out to be, too old.</summary>
    internal async ValueTask StoreAsync(long begun, string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
    {
        var written = false;
        await ledger.StoreUnlessEvictedAsync(begun, tags, () =>
        {
            written = true;
            return inner.SetAsync(key, value, tags, validFor, ct);
        });
        if (!written)
            return;
        // The ledger's lock covers only the synchronous start of the store's write: Redis's write lands
        // later, and an eviction counted after the check may reach Redis before the write does, which
        // would leave the old copy in place. Such an eviction is counted before it is sent, and the
        // write has landed once awaited, so looking again now finds it; evicting its tags once more,
        // after the write, removes the copy (and at worst a few fresh ones, rendered again next time).
        var late = ledger.EvictedSince(begun, tags).ToList();
        foreach (var tag in late)
            await inner.EvictByTagAsync(tag, ct);
        // A reader may have been served the old copy in between, and the front door kept it.
        if (late.Count > 0)
            front.Clear();
    }
}
