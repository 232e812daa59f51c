using System.Collections.Concurrent;
using Bayan.Changes;
using Bayan.Sites;

namespace Bayan.Releases;

/// <summary>
/// Figures about the visible releases that pages ask for again and again and that change only when a
/// release does: how many a listing holds (for its pager), when a feed's releases last changed, what
/// a sitemap counts. Each of those scans many rows, while the page around it reads a few. This process
/// keeps them until a release change (or a change to everything) is announced, here or by another node.
/// </summary>
/// <remarks>
/// Like the output cache, it takes a release to become visible or hidden only through an announced
/// change: scheduled releases come out through the publisher, which announces them.
/// </remarks>
public sealed class ReleaseFacts : IContentChangeListener
{
    /// <summary>Listings are few (languages times offices, categories, tags and months); past this, figures are read afresh.</summary>
    private const int MostKept = 20_000;

    /// <summary>Texts kept (feed bodies) may take this many characters in all; past it, they are made afresh.</summary>
    private const long MostTextKept = 4_000_000;

    private Shelf kept = new();

    private sealed class Shelf
    {
        public ConcurrentDictionary<string, Kept> Items { get; } = new(StringComparer.Ordinal);
        public long TextLength;
    }

    /// <param name="Site">The snapshot the figure was read with: a figure may lean on its offices, categories and settings.</param>
    private sealed record Kept(SiteSnapshot Site, object Value);

    /// <summary>
    /// The figure kept under <paramref name="key"/>, or the one <paramref name="read"/> gives, kept for
    /// the next asker. Readers arriving while it is being read wait for that reading instead of
    /// starting their own: on a large site the first count of a listing takes seconds.
    /// </summary>
    public async Task<T> GetAsync<T>(SiteSnapshot site, string key, Func<CancellationToken, Task<T>> read, CancellationToken ct) where T : notnull
    {
        // Taken before reading: if a release change is announced meanwhile, this set is dropped with what was read.
        var held = Volatile.Read(ref kept);
        // A figure read with an earlier snapshot of the site (before a rename, a new subcategory) is read again.
        if (held.Items.TryGetValue(key, out var known) && known.Site == site && known.Value is Task<T> { IsFaulted: false, IsCanceled: false } shared)
        {
            if (shared.IsCompletedSuccessfully)
                return shared.Result;
            try
            {
                return await shared.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // The reading ran in the request that began it, which has gone (or failed): this one reads for itself.
            }
        }
        var mine = read(ct);
        if (held.Items.Count < MostKept)
            held.Items[key] = new Kept(site, mine);
        return await mine;
    }

    /// <summary>
    /// A text made from a release (a feed's copy of its body), kept under <paramref name="key"/>, which
    /// must name everything the text is made of besides the release itself.
    /// </summary>
    public string Text(SiteSnapshot site, string key, Func<string> make)
    {
        var held = Volatile.Read(ref kept);
        if (held.Items.TryGetValue(key, out var known) && known.Site == site && known.Value is string made)
            return made;
        var text = make();
        // Keys carry the address a reader asked by, so readers choose how many there are: the budget bounds them.
        if (held.Items.Count < MostKept && Interlocked.Add(ref held.TextLength, key.Length + text.Length) <= MostTextKept)
            held.Items[key] = new Kept(site, text);
        return text;
    }

    public ValueTask ChangedAsync(ContentChange change)
    {
        // Comments and static pages change no listing's count nor any feed's dates.
        if (change is ContentChange.Release or ContentChange.Everything)
            Volatile.Write(ref kept, new Shelf());
        return ValueTask.CompletedTask;
    }
}
