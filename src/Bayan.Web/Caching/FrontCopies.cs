using System.Collections.Concurrent;

namespace Bayan.Web.Caching;

/// <summary>
/// The answers <see cref="FrontDoor"/> serves without going through the output cache: each exactly as
/// the output cache last served it (status, headers and compressed bytes), per address and encoding,
/// for the current window only. Taken from the output cache's own hits, so the policy has already
/// decided each may be shared; dropped all at once whenever the store evicts anything, since a copy
/// does not know its tags: the next reader of each page takes it from the output cache again, which
/// kept its exact evictions.
/// </summary>
internal sealed class FrontCopies(PageCacheOptions options, TimeProvider clock)
{
    /// <summary>Bodies beyond this many bytes are not kept here (they still are in the output cache).</summary>
    public const long Budget = 16 * 1024 * 1024;

    private Table current = new(-1);

    /// <summary>How many copies the current window holds.</summary>
    public int Count => Volatile.Read(ref current).Copies.Count;

    /// <summary>
    /// The copies of the current window. A request takes the table before it asks the output cache, and
    /// keeps its copy in that table: if the store evicted anything meanwhile the table is no longer the
    /// current one, and the copy, perhaps read before the eviction, is never served.
    /// </summary>
    public Table Now()
    {
        var window = clock.GetUtcNow().UtcTicks / options.Window.Ticks;
        var table = Volatile.Read(ref current);
        if (table.Window == window)
            return table;
        // A new window: every copy of the old one is out of date, and goes at once.
        Interlocked.CompareExchange(ref current, new Table(window), table);
        return Volatile.Read(ref current);
    }

    /// <summary>Called once the store has dropped its copies, so a copy taken from the store after this is fresh.</summary>
    public void Clear() => Interlocked.Exchange(ref current, new Table(Volatile.Read(ref current).Window));

    internal sealed class Table(long window)
    {
        private long bytes;

        public long Window { get; } = window;

        public ConcurrentDictionary<string, FrontCopy> Copies { get; } = new(StringComparer.Ordinal);

        public bool TryGet(string key, out FrontCopy copy) => Copies.TryGetValue(key, out copy!);

        public void Keep(string key, FrontCopy copy)
        {
            if (Interlocked.Add(ref bytes, copy.Body.Length) > Budget)
            {
                Interlocked.Add(ref bytes, -copy.Body.Length);
                return;
            }
            if (Copies.TryGetValue(key, out var former))
                Interlocked.Add(ref bytes, -former.Body.Length);
            Copies[key] = copy;
        }
    }
}
