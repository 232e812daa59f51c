namespace Bayan.Web.Caching;

/// <summary>
/// Remembers when each tag was last evicted, counted in evictions, so that a page rendered from rows
/// read before a change is never kept after the change (see <see cref="GuardedStore"/>). A request
/// notes the count when it begins (<see cref="SharedPagePolicy"/>); its copy is kept only if none of
/// its tags has been evicted since.
/// </summary>
internal sealed class EvictionLedger
{
    // Counting an eviction and checking a copy against the count each happen under this lock, with
    // the store's own step inside it, so no eviction can fall between a check and its store.
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> evictedAt = new(StringComparer.Ordinal);
    private long evictions;

    /// <summary>How many evictions there have been so far.</summary>
    public long Count => Interlocked.Read(ref evictions);

    public ValueTask EvictAsync(string tag, Func<ValueTask> evict)
    {
        lock (gate)
        {
            evictedAt[tag] = Interlocked.Increment(ref evictions);
            return evict();
        }
    }

    /// <summary>Stores the copy unless one of its tags was evicted after <paramref name="begun"/>.</summary>
    public ValueTask StoreUnlessEvictedAsync(long begun, string[]? tags, Func<ValueTask> store)
    {
        lock (gate)
        {
            foreach (var tag in tags ?? [])
            {
                if (evictedAt.TryGetValue(tag, out var at) && at > begun)
                    return ValueTask.CompletedTask;
            }
            return store();
        }
    }

    /// <summary>Those of <paramref name="tags"/> evicted after <paramref name="begun"/>.</summary>
    public List<string> EvictedSince(long begun, string[]? tags)
    {
        var evicted = new List<string>();
        lock (gate)
        {
            foreach (var tag in tags ?? [])
            {
                if (evictedAt.TryGetValue(tag, out var at) && at > begun)
                    evicted.Add(tag);
            }
        }
        return evicted;
    }
}
