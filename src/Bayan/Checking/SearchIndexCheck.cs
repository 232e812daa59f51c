using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Checking;

/// <summary>
/// The search index against the releases: it must hold every language version of every published
/// release and nothing else (what a reader finds is what is published). Repaired by writing the index
/// again for the releases concerned, or all of it when it holds versions that no longer exist.
/// </summary>
internal static class SearchIndexCheck
{
    public const string Area = "search";

    /// <summary>Releases written again per transaction, as the index's own rebuild does.</summary>
    private const int Batch = 500;

    /// <summary>Listed one by one up to this many; past it, counted.</summary>
    private const int MostListed = 20;

    /// <summary>Past this many releases written again, kept pages are dropped all at once rather than release by release.</summary>
    private const int MostAnnounced = 100;

    public static async Task<(int Published, List<CheckFinding> Findings)> RunAsync(
        BayanDb db, ISearchIndex search, IContentChanges changes, bool repair, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        progress.Report(("Search", 0, 1));
        var published = await db.ReleaseVersions.AsNoTracking()
            .Where(v => db.Releases.Any(r => r.Id == v.ReleaseId && r.Status == ReleaseStatus.Published))
            .Select(v => new { v.Id, v.ReleaseId }).ToDictionaryAsync(v => v.Id, v => v.ReleaseId, ct);
        var indexed = (await search.IndexedVersionsAsync(ct)).ToHashSet();
        var missing = published.Keys.Where(id => !indexed.Contains(id)).Order().ToList();
        var extra = indexed.Where(id => !published.ContainsKey(id)).Order().ToList();
        progress.Report(("Search", 1, 1));
        if (missing.Count == 0 && extra.Count == 0)
            return (published.Count, []);

        var state = repair ? FindingState.Repaired : FindingState.Found;
        var findings = new List<CheckFinding>();
        findings.AddRange(Listed(missing, id => new Problem("check_search_missing", published[id], id), missing.Count, "check_search_missing_more", state));
        findings.AddRange(Listed(extra, id => new Problem("check_search_extra", id), extra.Count, "check_search_extra_more", state));
        if (!repair)
            return (published.Count, findings);

        // Versions of releases that are no longer published are removed by writing their release again;
        // versions that are gone altogether name no release to write, so the whole index is rebuilt.
        var extraReleases = await db.ReleaseVersions.Where(v => extra.Contains(v.Id)).Select(v => new { v.Id, v.ReleaseId }).ToListAsync(ct);
        if (extraReleases.Count < extra.Count)
        {
            await search.RebuildAsync(progress, ct);
            await changes.SavedAsync(new ContentChange.Everything("search index rebuilt by bayan check"));
            return (published.Count, findings);
        }
        var releases = missing.Select(id => published[id]).Concat(extraReleases.Select(v => v.ReleaseId)).Distinct().Order().ToList();
        for (var done = 0; done < releases.Count; done += Batch)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await search.UpdateAsync(releases.GetRange(done, Math.Min(Batch, releases.Count - done)), ct);
            await transaction.CommitAsync(ct);
            progress.Report(("Search", Math.Min(releases.Count, done + Batch), releases.Count));
        }
        // Kept search pages (on this node and, through the change count, on running ones) found what the index held before.
        if (releases.Count > MostAnnounced)
            await changes.SavedAsync(new ContentChange.Everything("search index repaired by bayan check"));
        else
            foreach (var id in releases)
                await changes.SavedAsync(new ContentChange.Release(id));
        return (published.Count, findings);
    }

    private static IEnumerable<CheckFinding> Listed(List<int> ids, Func<int, Problem> one, int count, string moreKey, FindingState state)
    {
        foreach (var id in ids.Take(MostListed))
            yield return new(Area, one(id), state);
        if (count > MostListed)
            yield return new(Area, new Problem(moreKey, count - MostListed), state);
    }
}
