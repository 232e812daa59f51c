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
        return ledger.StoreUnlessEvictedAsync(begun, tags, () => inner.SetAsync(key, value, tags, validFor, ct));
    }
}
