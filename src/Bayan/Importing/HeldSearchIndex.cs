using Bayan.Search;

namespace Bayan.Importing;

/// <summary>
/// The search index as the operations of an import see it: while a batch is open, the releases they ask to
/// update are noted and updated together when the batch commits, in its transaction; otherwise it is the index.
/// </summary>
internal sealed class HeldSearchIndex(ISearchIndex index) : ISearchIndex
{
    private readonly HashSet<int> held = [];

    public bool Holding { get; set; }

    public Task UpdateAsync(IReadOnlyCollection<int> releaseIds, CancellationToken ct)
    {
        if (!Holding)
            return index.UpdateAsync(releaseIds, ct);
        held.UnionWith(releaseIds);
        return Task.CompletedTask;
    }

    /// <summary>Updates what the batch's operations asked for, inside the batch's transaction.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (held.Count == 0)
            return;
        var ids = held.ToList();
        held.Clear();
        await index.UpdateAsync(ids, ct);
    }

    /// <summary>The batch was rolled back: what it asked for never happened.</summary>
    public void Forget() => held.Clear();

    public Task UpdateOfficeAsync(int officeId, CancellationToken ct) => index.UpdateOfficeAsync(officeId, ct);

    public Task<SearchResults> SearchAsync(SearchRequest request, DateTime now, CancellationToken ct) => index.SearchAsync(request, now, ct);

    public Task<IReadOnlyList<int>> NewestMatchesAsync(SearchRequest request, CancellationToken ct) => index.NewestMatchesAsync(request, ct);

    public Task<IReadOnlyList<int>> IndexedVersionsAsync(CancellationToken ct) => index.IndexedVersionsAsync(ct);

    public Task<int> RebuildAsync(IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct) => index.RebuildAsync(progress, ct);

    public Task CompactAsync(CancellationToken ct) => index.CompactAsync(ct);
}
