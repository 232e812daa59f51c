using Bayan.Accounts;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>Restores an old revision by saving its text as a new revision: history only ever grows.</summary>
public sealed class RestoreRevision(BayanDb db, SaveVersion save)
{
    public async Task<Outcome> RunAsync(Actor actor, int releaseId, string language, int revisionNumber, CancellationToken ct, int? releaseRevision = null)
    {
        var version = await db.ReleaseVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ReleaseId == releaseId && v.Language == language, ct);
        var revision = version is null
            ? null
            : await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.ReleaseVersionId == version.Id && r.Number == revisionNumber, ct);
        if (version is null || revision is null)
            return new Outcome.NotFound();
        db.ChangeTracker.Clear();
        return await save.RunAsync(actor,
            new VersionEdit(releaseId, language, revision.Title, version.Slug, revision.Summary, revision.Body, version.ConcurrencyVersion,
                ReleaseRevision: releaseRevision), ct);
    }
}
