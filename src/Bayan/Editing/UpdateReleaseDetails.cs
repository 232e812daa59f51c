using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>
/// Changes what a release is filed under after it was created: its type, categories and tags; editors of its office.
/// The search index, which filters by category itself, takes the change in the same transaction.
/// Given what the editor saw, a change someone else saved since is a conflict, never overwritten;
/// after one, <c>takeTheirs</c> names the fields ("type", "categories", "tags") where the editor keeps the stored value.
/// Given the release's revision the caller saw (<c>expectedRevision</c>, the API's If-Match), a release changed since is stale.
/// </summary>
public sealed class UpdateReleaseDetails(BayanDb db, TimeProvider clock, ISearchIndex search, IContentChanges changes, WebhookEvents webhooks)
{
    public async Task<Outcome> RunAsync(
        Actor actor, int releaseId, ReleaseType type, IReadOnlyList<int> categoryIds, IReadOnlyList<string> tagNames, CancellationToken ct,
        ReleaseDetails? seen = null, IReadOnlySet<string>? takeTheirs = null, int? expectedRevision = null)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var release = await db.Releases.Include(r => r.Categories).Include(r => r.Tags).ThenInclude(t => t.Names).FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return new Outcome.NotFound();
        if (!actor.CanChangeDetails(release))
            return new Outcome.Forbidden();
        if (expectedRevision is { } expected && expected != release.Revision)
            return new Outcome.Stale(release.Revision);
        var stored = new ReleaseDetails(release.Type, [.. release.Categories.Select(c => c.Id)], [.. release.Tags.Select(t => t.NameFor(release.OriginalLanguage))]);
        if (seen is not null && !seen.SameAs(stored))
            return new Outcome.DetailsConflict(stored, new ReleaseDetails(type, categoryIds, tagNames));
        takeTheirs ??= new HashSet<string>();
        type = takeTheirs.Contains("type") ? stored.Type : type;
        categoryIds = takeTheirs.Contains("categories") ? stored.CategoryIds : categoryIds;
        tagNames = takeTheirs.Contains("tags") ? stored.TagNames : tagNames;
        var errors = new Dictionary<string, Problem>();
        if (!Enum.IsDefined(type))
            errors["type"] = new Problem("edit_type_unknown");
        var wanted = categoryIds.Distinct().ToList();
        var categories = await db.Categories.Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        if (categories.Count != wanted.Count)
            errors["categories"] = new Problem("edit_category_unknown");
        var tags = await Tagging.FindOrCreateAsync(db, release.OriginalLanguage, tagNames, errors, ct);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        // The listings of what it was filed under lose it: they change too.
        var change = new ContentChange.Release(releaseId)
        {
            FormerCategories = [.. release.Categories.Select(c => c.Id)],
            FormerTags = [.. release.Tags.Select(t => t.Id)],
        };
        release.Type = type;
        release.Categories.Clear();
        release.Categories.AddRange(categories);
        release.Tags.Clear();
        release.Tags.AddRange(tags);
        var now = clock.GetUtcNow().UtcDateTime;
        release.UpdatedAt = now;
        if (!await ReleaseRevisions.MoveAsync(db, releaseId, expectedRevision, ct))
            return await ReleaseRevisions.StaleAsync(db, transaction, releaseId, ct);
        AuditLog.Record(db, now, actor.Name, "release.details-changed", $"release:{releaseId}",
            $"{type}; categories {string.Join(",", wanted)}; tags {string.Join(", ", tags.Select(t => t.NameFor(release.OriginalLanguage)))}");
        if (release.Status == ReleaseStatus.Published)
            await webhooks.ReleaseAsync(WebhookEventTypes.ReleaseUpdated, release, ct);
        await db.SaveChangesAsync(ct);
        await search.UpdateAsync([releaseId], ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(change);
        return new Outcome.Done(releaseId, new Problem("workflow_done"));
    }
}
