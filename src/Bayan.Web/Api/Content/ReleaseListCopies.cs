using Bayan.Changes;
using Bayan.Sites;
using Microsoft.Extensions.Caching.Memory;

namespace Bayan.Web.Api.Content;

/// <summary>
/// This process's copies of the API's release lists as sent (one per origin and query string), so that a
/// client polling a list asks the database nothing while no release changes, with or without the output
/// cache. Every copy is dropped when a release or the whole site changes, here or on another node.
/// </summary>
/// <remarks>
/// A published release has a publication time in the past (PublishRelease sets now, or an archive's
/// original time), so a list changes only through an announced change, never by the clock alone.
/// As <see cref="PublicSite.ReleaseCopies"/>, kept only on a node that runs alone: among several nodes,
/// another node's change arrives a moment late, and a list would show the old releases meanwhile.
/// </remarks>
internal sealed class ReleaseListCopies(bool keeps) : IContentChangeListener, IDisposable
{
    /// <summary>What the copies may take in all (estimated); past it the least recently read are dropped.</summary>
    public const long MostBytes = 8L * 1024 * 1024;

    private readonly MemoryCache copies = new(new MemoryCacheOptions { SizeLimit = MostBytes, CompactionPercentage = 0.25 });

    // A list read before a change and stored after it would outlive the change: storing checks, under
    // this lock, that no change was heard since the reading began.
    private readonly Lock gate = new();
    private long changes;

    private sealed record Kept(SiteSnapshot Site, ReleaseList List);

    /// <summary>Marks the start of a reading: pass it to <see cref="Keep"/>.</summary>
    public long Begin() => Interlocked.Read(ref changes);

    public ReleaseList? Find(SiteSnapshot site, string key) =>
        copies.TryGetValue(key, out Kept? kept) && kept!.Site == site ? kept.List : null;

    public void Keep(SiteSnapshot site, string key, ReleaseList list, long begun)
    {
        if (!keeps)
            return;
        lock (gate)
        {
            if (changes == begun)
                copies.Set(key, new Kept(site, list), new MemoryCacheEntryOptions { Size = SizeOf(key, list) });
        }
    }

    public ValueTask ChangedAsync(ContentChange change)
    {
        // Comments and static pages are on no list.
        if (change is ContentChange.Comments or ContentChange.Page)
            return ValueTask.CompletedTask;
        lock (gate)
        {
            changes++;
            copies.Clear();
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Roughly the bytes a list holds: its texts, two bytes a character, and a share for each object.</summary>
    private static long SizeOf(string key, ReleaseList list)
    {
        const int PerItem = 512;
        long size = 2L * key.Length + PerItem;
        foreach (var item in list.Items)
            size += PerItem + 2L * (item.Title.Length + item.Summary.Length + item.Url.Length + item.ApiUrl.Length);
        return size;
    }

    public void Dispose() => copies.Dispose();
}
