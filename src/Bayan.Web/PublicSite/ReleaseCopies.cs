using System.Collections.Concurrent;
using Bayan.Changes;
using Bayan.Comments;
using Bayan.Releases;
using Microsoft.Extensions.Caching.Memory;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// This process's copies of visible releases as their pages read them (versions, filing, media and
/// approved comments), so that a release page asks the database nothing while its release is
/// unchanged, with or without the output cache. A copy is dropped when a change to its release, its
/// comments or the whole site is announced, here or by another node.
/// </summary>
/// <remarks>
/// <para>Kept only on a node that runs alone. Among several nodes another node's change arrives here
/// by a Redis message, a moment after it is saved; a reader asking this node meanwhile would get the
/// old text (and the shared output cache a copy of it), while DESIGN.md wants a change visible on
/// every node at once. There the page reads its release each time, as before.</para>
/// Only found releases are kept: a release comes into view at its publication time without any
/// change being announced, so a miss is always asked again. Once visible, a release leaves view only
/// through an announced change (a retraction, a new schedule).
/// </remarks>
internal sealed class ReleaseCopies : IContentChangeListener, IDisposable
{
    /// <summary>
    /// What the copies may take in all, as estimated by <see cref="SizeOf"/>: past it the least
    /// recently read are dropped. A large site's hot releases fit many times over; its archive does not need to.
    /// </summary>
    public const long MostBytes = 16L * 1024 * 1024;

    private readonly MemoryCache copies = new(new MemoryCacheOptions { SizeLimit = MostBytes, CompactionPercentage = 0.25 });
    private readonly bool keeps;

    // A copy read before a change and stored after it would outlive the change: storing checks, under
    // this lock, that no change was heard since the reading began; a change counts itself under it too.
    private readonly Lock gate = new();
    private long changes;

    /// <param name="keeps">False among several nodes: then every reading goes to the database.</param>
    public ReleaseCopies(bool keeps) => this.keeps = keeps;

    /// <summary>How many copies are kept just now.</summary>
    public int Count => copies.Count;

    /// <param name="Site">The snapshot the copy was completed with: its office and category names come from it.</param>
    public sealed record Copy(SiteSnapshot Site, Release Release, IReadOnlyList<Comment> ApprovedComments)
    {
        // Readers choose the host they ask by, and absolute links carry it: a few are kept, the rest made each time.
        private const int MostShown = 8;

        private readonly ConcurrentDictionary<(string Lang, string Origin), object> shown = new();

        public IReadOnlyList<Comment> ApprovedUnder(ReleaseVersion version) =>
            [.. ApprovedComments.Where(c => c.ReleaseVersionId == version.Id)];

        /// <summary>
        /// What <paramref name="make"/> derives from this copy alone for one language and one origin
        /// (scheme and host, for absolute links): made on the first view, then kept with the copy.
        /// </summary>
        public T Shown<T>(string lang, string origin, Func<T> make) where T : class
        {
            if (Kept<T>(lang, origin) is { } kept)
                return kept;
            var value = make();
            if (shown.Count < MostShown)
                shown.TryAdd((lang, origin), value);
            return value;
        }

        /// <summary>What <see cref="Shown"/> made before for this language and origin; null when nothing was kept.</summary>
        public T? Kept<T>(string lang, string origin) where T : class =>
            shown.TryGetValue((lang, origin), out var made) ? made as T : null;
    }

    /// <summary>The kept copy of release <paramref name="id"/>, else the one <paramref name="read"/> gives (null when not visible).</summary>
    public async Task<Copy?> GetAsync(SiteSnapshot site, int id, Func<CancellationToken, Task<Copy?>> read, CancellationToken ct)
    {
        if (copies.TryGetValue(id, out Copy? kept) && kept!.Site == site)
            return kept;
        var begun = Interlocked.Read(ref changes);
        var copy = await read(ct);
        if (copy is null || !keeps)
            return copy;
        lock (gate)
        {
            if (changes == begun)
                copies.Set(id, copy, new MemoryCacheEntryOptions { Size = SizeOf(copy) });
        }
        return copy;
    }

    public ValueTask ChangedAsync(ContentChange change)
    {
        lock (gate)
        {
            changes++;
            switch (change)
            {
                case ContentChange.Release release:
                    copies.Remove(release.Id);
                    break;
                case ContentChange.Comments comments:
                    foreach (var id in comments.ReleaseIds)
                        copies.Remove(id);
                    break;
                case ContentChange.Everything:
                    copies.Clear();
                    break;
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Roughly the bytes a copy holds: its texts (two bytes a character), a share for each object, and
    /// room for what is derived from it later (<see cref="Copy.Shown"/>: links, dates, metadata; the body is shared).
    /// </summary>
    public static long SizeOf(Copy copy)
    {
        const int PerObject = 64;
        const int Derived = 16 * 1024;
        var release = copy.Release;
        long size = Derived + PerObject * (4 + release.Versions.Count + release.Tags.Count + 2 * release.Attachments.Count + copy.ApprovedComments.Count);
        foreach (var v in release.Versions)
            size += 2L * (v.Title.Length + v.Slug.Length + v.Summary.Length + v.Body.Length + v.BodyHtml.Length);
        foreach (var n in release.Tags.SelectMany(t => t.Names))
            size += 2L * (n.Name.Length + n.Slug.Length) + PerObject;
        foreach (var a in release.Attachments)
            size += 2L * (a.Media.FileName.Length + a.Media.Url.Length);
        foreach (var c in copy.ApprovedComments)
            size += 2L * (c.Name.Length + c.Email.Length + c.Text.Length);
        foreach (var v in release.Versions)
            size += 2L * ((v.CorrectionNote?.Length ?? 0) + (v.RetractionNote?.Length ?? 0));
        size += 2L * (release.FeaturedImage?.Length ?? 0);
        return size;
    }

    public void Dispose() => copies.Dispose();
}
