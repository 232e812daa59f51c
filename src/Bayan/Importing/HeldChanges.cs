using Bayan.Changes;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing;

/// <summary>
/// Announcements of changes as the operations of an import make them: while a batch is open they wait for its
/// commit (announced before, a copy dropped could be rebuilt from the rows not yet committed) and go out once,
/// together; otherwise they go out at once.
/// </summary>
internal sealed class HeldChanges(IContentChanges changes, BayanDb db) : IContentChanges
{
    /// <summary>More changes than this in one batch are announced as one change of everything: one signal, not hundreds.</summary>
    private const int Listed = 16;

    private readonly HashSet<ContentChange> held = [];

    public bool Holding { get; set; }

    public Task SavedAsync(ContentChange change)
    {
        if (!Holding)
            return changes.SavedAsync(change);
        held.Add(change);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Announces what the committed batch changed. A release no reader sees (a draft submitted for review, one
    /// scheduled: most of what an import changes before it publishes) changes no page, so it is not announced: asked
    /// of all of them in one query here, instead of by each cache for each release (at 100,000 posts those questions,
    /// one per release after each commit, were most of the time of writing the posts).
    /// </summary>
    public async Task FlushAsync()
    {
        if (held.Count == 0)
            return;
        var releases = held.OfType<ContentChange.Release>().Select(r => r.Id).ToList();
        var shown = releases.Count == 0 ? [] : (await db.Releases.AsNoTracking()
            .Where(r => releases.Contains(r.Id) && (r.Status == ReleaseStatus.Published || r.Status == ReleaseStatus.Retracted))
            .Select(r => r.Id).ToListAsync()).ToHashSet();
        var announced = held.Where(c => c is not ContentChange.Release release || shown.Contains(release.Id)).ToList();
        held.Clear();
        if (announced.Count > Listed)
            announced = [new ContentChange.Everything("import")];
        foreach (var change in announced)
            await changes.SavedAsync(change);
    }

    /// <summary>The batch was rolled back: nothing changed.</summary>
    public void Forget() => held.Clear();
}
