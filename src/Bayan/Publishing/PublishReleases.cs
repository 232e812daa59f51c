using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Numbering;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Publishing;

/// <summary>A release of an archive brought in, and how it was published where it came from.</summary>
public sealed record ReleaseToPublish(int ReleaseId, OriginalPublication Original);

/// <summary>
/// Publishes many releases of an archive brought in (importers) at their original times, each as
/// <see cref="PublishRelease"/> publishes one with an <see cref="OriginalPublication"/>: the same checks and
/// outcomes, its number in the office's pattern in the order given (give them oldest first), its revision moved,
/// an audit entry, the search index in the same transaction, the caches told; no webhook event, as for one.
/// What differs is the cost: the releases are read in one query and claimed in one statement, and saved together.
/// Claiming is as safe as one at a time: the releases are claimed from the status they were read in, and should
/// another node have published one meanwhile, the batch is claimed again one release at a time.
/// </summary>
public sealed class PublishReleases(BayanDb db, TimeProvider clock, ISearchIndex search, IContentChanges changes)
{
    public async Task<IReadOnlyList<Outcome>> RunAsync(Actor actor, IReadOnlyList<ReleaseToPublish> items, CancellationToken ct)
    {
        var outcomes = new Outcome[items.Count];
        if (items.Count == 0)
            return outcomes;
        var ids = items.Select(i => i.ReleaseId).Distinct().ToList();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var releases = await db.Releases.Include(r => r.Office).ThenInclude(o => o.MonthStarts)
            .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var eligible = new List<(int Index, Release Release, ReleaseStatus From)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var release = releases.GetValueOrDefault(items[i].ReleaseId);
            outcomes[i] = release switch
            {
                null => new Outcome.NotFound(),
                _ when !actor.CanPublishFor(release.OfficeId) => new Outcome.Forbidden(),
                // Named twice: published by the first.
                _ when release.Status is ReleaseStatus.Published or ReleaseStatus.Retracted || !seen.Add(release.Id) => NotPossible(),
                // The office requires review: a draft is submitted first.
                _ when !actor.CanPublish(release) => new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("publish_needs_review") }),
                _ => null!,
            };
            if (outcomes[i] is null)
                eligible.Add((i, release!, release!.Status));
        }

        var claimed = await ClaimAsync(eligible, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (index, release, _) in eligible)
        {
            if (!claimed.Contains(release.Id))
            {
                outcomes[index] = NotPossible();
                continue;
            }
            var original = items[index].Original;
            release.ReferenceNumber ??= original.ReferenceNumber;
            if (original.Numbered)
                await ReferenceNumbers.AssignAsync(db, release, original.PublishedAt, ct);
            release.Status = ReleaseStatus.Published;
            release.PublishAt = original.PublishedAt;
            release.UpdatedAt = now;
            AuditLog.Record(db, now, actor.Name, "release.published", $"release:{release.Id}", release.ReferenceNumber ?? "");
            outcomes[index] = new Outcome.Done(release.Id, new Problem("publish_done", release.ReferenceNumber ?? ""));
        }
        await db.SaveChangesAsync(ct);
        await search.UpdateAsync(claimed, ct);
        await transaction.CommitAsync(ct);
        foreach (var id in claimed)
            await changes.SavedAsync(new ContentChange.Release(id));
        return outcomes;
    }

    private static Outcome NotPossible() => new Outcome.Invalid(new Dictionary<string, Problem> { ["status"] = new("publish_not_possible") });

    /// <summary>
    /// Marks the releases published and moves their revisions, each only from the status it was read in: one
    /// statement per status when no one changed them since (the usual case), else one release at a time.
    /// </summary>
    private async Task<List<int>> ClaimAsync(List<(int Index, Release Release, ReleaseStatus From)> eligible, CancellationToken ct)
    {
        await using (var attempt = await db.Database.BeginOrJoinTransactionAsync(ct))
        {
            var all = true;
            foreach (var group in eligible.GroupBy(e => e.From))
            {
                var (from, ids) = (group.Key, group.Select(e => e.Release.Id).ToList());
                all = await Claim(db.Releases.Where(r => ids.Contains(r.Id) && r.Status == from), ct) == ids.Count;
                if (!all)
                    break;
            }
            if (all)
            {
                await attempt.CommitAsync(ct);
                return [.. eligible.Select(e => e.Release.Id)];
            }
            // Someone changed one of them meanwhile: undo the statements, and claim each on its own.
            await attempt.RollbackAsync(ct);
        }
        var claimed = new List<int>();
        foreach (var (_, release, from) in eligible)
            if (await Claim(db.Releases.Where(r => r.Id == release.Id && r.Status == from), ct) == 1)
                claimed.Add(release.Id);
        return claimed;
    }

    private static Task<int> Claim(IQueryable<Release> releases, CancellationToken ct) =>
        releases.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Published).SetProperty(r => r.Revision, r => r.Revision + 1), ct);
}
