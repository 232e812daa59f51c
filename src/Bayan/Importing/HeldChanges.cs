using Bayan.Changes;

namespace Bayan.Importing;

/// <summary>
/// Announcements of changes as the operations of an import make them: while a batch is open they wait for its
/// commit (announced before, a copy dropped could be rebuilt from the rows not yet committed) and go out once,
/// together; otherwise they go out at once.
/// </summary>
internal sealed class HeldChanges(IContentChanges changes) : IContentChanges
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

    /// <summary>Announces what the committed batch changed.</summary>
    public async Task FlushAsync()
    {
        if (held.Count == 0)
            return;
        List<ContentChange> announced = held.Count > Listed ? [new ContentChange.Everything("import")] : [.. held];
        held.Clear();
        foreach (var change in announced)
            await changes.SavedAsync(change);
    }

    /// <summary>The batch was rolled back: nothing changed.</summary>
    public void Forget() => held.Clear();
}
