using Bayan.Changes;
using Bayan.Data;
using Bayan.Media;
using Bayan.Search;

namespace Bayan.Checking;

/// <summary>
/// `bayan check [--repair]`: verifies what the site's data rests on, part by part: the database's own
/// structures, the search index against the published releases, and the media files against the
/// media library. With <c>repair</c>, puts right what can be put right without losing anything
/// (the index is written again for the releases it misses or holds wrongly, missing resized copies
/// are made again from their original, leftovers of uploads that never finished are removed); what
/// cannot be (a lost original, a damaged database) is reported for a person to act on.
/// </summary>
public sealed class CheckSite(BayanDb db, ISearchIndex search, IContentChanges changes, MediaOptions media, TimeProvider clock)
{
    public async Task<CheckReport> RunAsync(bool repair, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var findings = new List<CheckFinding>();
        progress.Report(("Database", 0, 1));
        findings.AddRange(await DatabaseIntegrity.CheckAsync(db, ct));
        progress.Report(("Database", 1, 1));
        var (versions, searchFindings) = await SearchIndexCheck.RunAsync(db, search, changes, repair, progress, ct);
        findings.AddRange(searchFindings);
        var (items, mediaFindings) = await MediaFilesCheck.RunAsync(db, media, clock.GetUtcNow().UtcDateTime, repair, progress, ct);
        findings.AddRange(mediaFindings);
        return new CheckReport(findings, versions, items);
    }
}
