using Microsoft.AspNetCore.OutputCaching;

namespace Bayan.Web.Caching;

/// <summary>
/// Wraps the real store (in memory now; Redis when several nodes share it) so that a copy rendered
/// before a change is never kept after it. A reader's request may read the database just before an
/// editor's change commits and finish rendering just after the change evicted its tags: stored then,
/// the old page would outlive the change. So every eviction moves a counter on and remembers, per
/// tag, the count it happened at; a copy is stored only if none of its tags was evicted since its
/// request began (<see cref="SharedPagePolicy"/> notes the count before anything is read).
/// </summary>
internal sealed class GuardedStore(IOutputCacheStore inner, IHttpContextAccessor requests) : IOutputCacheStore
{
    // Checking and storing, and counting and evicting, each happen under this lock, so no eviction
    // can fall between a check and its store. The memory store does both without waiting.
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> evictedAt = new(StringComparer.Ordinal);
    private long evictions;

    /// <summary>How many evictions there have been so far.</summary>
    public long Evictions => Interlocked.Read(ref evictions);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => inner.GetAsync(key, ct);

    public ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        lock (gate)
        {
            evictedAt[tag] = Interlocked.Increment(ref evictions);
            return inner.EvictByTagAsync(tag, ct);
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
    {
        // Without the count its request began at, a copy's freshness cannot be vouched for.
        if (requests.HttpContext is not { } http || SharedPagePolicy.BegunAt(http) is not { } begun)
            return ValueTask.CompletedTask;
        lock (gate)
        {
            foreach (var tag in tags ?? [])
            {
                if (evictedAt.TryGetValue(tag, out var at) && at > begun)
                    return ValueTask.CompletedTask;
            }
            return inner.SetAsync(key, value, tags, validFor, ct);
        }
    }
}
