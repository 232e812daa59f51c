using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Rendering;
using Bayan.Search;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>
/// An edit of one language version. <see cref="BaseConcurrency"/> is the version the editor opened;
/// null creates the version (a new translation). After a conflict, <see cref="TakeTheirs"/> names the
/// fields ("title", "slug", "summary", "body") where the editor keeps the stored text over their own.
/// <see cref="HeldSeen"/> is the <see cref="SaveVersion.HeldStamp"/> of the held edit the editor opened
/// (null: none), so that a held edit someone saved meanwhile is a conflict, not an overwrite.
/// <see cref="ReleaseRevision"/>, when given, is the release's revision the caller saw (the API's
/// If-Match): a release changed since is <see cref="Outcome.Stale"/> and nothing is saved.
/// </summary>
public sealed record VersionEdit(
    int ReleaseId, string Language, string Title, string? Slug, string Summary, string Body, int? BaseConcurrency,
    IReadOnlySet<string>? TakeTheirs = null, string? HeldSeen = null, int? ReleaseRevision = null);

/// <summary>
/// Saves a language version as a new revision. A save based on an older revision than the stored
/// one is a conflict that returns both texts; a translation saved records which revision of the
/// original it now follows. A published release's new text is searchable from the same commit.
/// Where the office's rule says so (<see cref="Actor.MustHoldEdits"/>), the text of a published or
/// scheduled release is held for review instead, and readers keep the published text.
/// A save that readers see writes its webhook events in the same transaction: the version updated (or a
/// translation published), and each translation the save of the original leaves outdated.
/// </summary>
public sealed class SaveVersion(BayanDb db, TimeProvider clock, ISearchIndex search, IContentChanges changes, WebhookEvents webhooks)
{
    public async Task<Outcome> RunAsync(Actor actor, VersionEdit edit, CancellationToken ct) =>
        await SaveAsync(actor, edit, actor.Name, hold: null, ct);

    /// <summary>
    /// The one path of every save: <paramref name="author"/> is who wrote the text (the writer of a
    /// held edit an editor now publishes); <paramref name="hold"/> null lets the office's rule decide.
    /// </summary>
    internal async Task<Outcome> SaveAsync(Actor actor, VersionEdit edit, string author, bool? hold, CancellationToken ct)
    {
        var release = await db.Releases.Include(r => r.Versions).Include(r => r.Office).FirstOrDefaultAsync(r => r.Id == edit.ReleaseId, ct);
        if (release is null)
            return new Outcome.NotFound();
        if (!actor.CanWrite(release, edit.Language))
            return new Outcome.Forbidden();
        var errors = VersionRules.Check(edit.Title, edit.Slug, edit.Summary, edit.Body);
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == edit.Language, ct))
            errors["language"] = new Problem("edit_language_unknown", edit.Language);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        if (edit.ReleaseRevision is { } seen && seen != release.Revision)
            return new Outcome.Stale(release.Revision);

        var now = clock.GetUtcNow().UtcDateTime;
        var text = new DraftText(edit.Title.Trim(), VersionRules.SlugFor(edit.Title.Trim(), edit.Slug), edit.Summary.Trim(), edit.Body);
        var original = release.Versions.Single(v => v.Language == release.OriginalLanguage);
        var version = release.Versions.FirstOrDefault(v => v.Language == edit.Language);
        if (version is not null && edit.BaseConcurrency != version.ConcurrencyVersion)
            return await ConflictAsync(version, text, ct);
        if (hold ?? actor.MustHoldEdits(release))
        {
            var held = await db.HeldEdits.FirstOrDefaultAsync(h => h.ReleaseId == release.Id && h.Language == edit.Language, ct);
            if (held is null)
                return await HoldAsync(release, edit.Language, text, author, edit.ReleaseRevision, ct);
            var heldText = new DraftText(held.Title, held.Slug ?? text.Slug, held.Summary, held.Body);
            if (edit.HeldSeen != HeldStamp(held))
                return new Outcome.Conflict(heldText, held.Author, held.CreatedAt, text, version?.ConcurrencyVersion ?? 0, HeldStamp(held));
            return await HoldAsync(release, edit.Language, KeepTheirs(text, heldText, edit.TakeTheirs), author, edit.ReleaseRevision, ct);
        }
        if (version is not null)
            text = KeepTheirs(text, new DraftText(version.Title, version.Slug, version.Summary, version.Body), edit.TakeTheirs);
        var title = text.Title;
        if (version is not null && Same(version, text))
            return new Outcome.Done(release.Id, new Problem("edit_unchanged"));

        // The translations that follow the original now; saving the original leaves them outdated.
        List<string> outdated = version == original
            ? [.. release.Versions.Where(v => v != original && v.SourceRevisionId == original.CurrentRevisionId).Select(v => v.Language)]
            : [];
        var created = version is null;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (!await ReleaseRevisions.MoveAsync(db, release.Id, edit.ReleaseRevision, ct))
            return await ReleaseRevisions.StaleAsync(db, transaction, release.Id, ct);
        if (version is null)
        {
            version = new ReleaseVersion { Language = edit.Language, Title = title, Slug = text.Slug };
            release.Versions.Add(version);
        }
        var number = version.Id == 0 ? 1 : await db.Revisions.Where(r => r.ReleaseVersionId == version.Id).MaxAsync(r => r.Number, ct) + 1;
        var revision = new Revision { Number = number, Title = title, Summary = text.Summary, Body = text.Body, Author = author, CreatedAt = now };
        version.Revisions.Add(revision);
        version.Title = title;
        version.Slug = text.Slug;
        version.Summary = text.Summary;
        version.Body = text.Body;
        version.BodyHtml = MarkdownRenderer.ToSafeHtml(text.Body);
        version.UpdatedAt = now;
        version.ConcurrencyVersion++;
        if (version != original)
            version.SourceRevisionId = original.CurrentRevisionId;
        release.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save slipped in between our read and our write.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.ReleaseVersions.FirstAsync(v => v.ReleaseId == release.Id && v.Language == edit.Language, ct);
            return await ConflictAsync(current, text, ct);
        }
        version.CurrentRevisionId = revision.Id;
        AuditLog.Record(db, now, actor.Name, "version.saved", $"release:{release.Id}", $"{edit.Language} revision {number}: {title}");
        if (release.Status == ReleaseStatus.Published)
        {
            await webhooks.ReleaseAsync(created ? WebhookEventTypes.TranslationPublished : WebhookEventTypes.ReleaseUpdated, release, ct, edit.Language);
            foreach (var language in outdated)
                await webhooks.ReleaseAsync(WebhookEventTypes.TranslationOutdated, release, ct, language);
        }
        await db.SaveChangesAsync(ct);
        if (release.Status == ReleaseStatus.Published)
            await search.UpdateAsync([release.Id], ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Release(release.Id));
        return new Outcome.Done(release.Id, new Problem("edit_saved", number));
    }

    /// <summary>Keeps the text aside for an editor; a later save of the same version replaces it.</summary>
    private async Task<Outcome> HoldAsync(Release release, string language, DraftText text, string author, int? seenRevision, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (!await ReleaseRevisions.MoveAsync(db, release.Id, seenRevision, ct))
            return await ReleaseRevisions.StaleAsync(db, transaction, release.Id, ct);
        var held = await db.HeldEdits.FirstOrDefaultAsync(h => h.ReleaseId == release.Id && h.Language == language, ct);
        if (held is null)
        {
            held = new HeldEdit { ReleaseId = release.Id, Language = language, Title = text.Title, Author = author };
            db.HeldEdits.Add(held);
        }
        (held.Title, held.Slug, held.Summary, held.Body, held.Author, held.CreatedAt) = (text.Title, text.Slug, text.Summary, text.Body, author, now);
        AuditLog.Record(db, now, author, "version.held", $"release:{release.Id}", $"{language}: {text.Title}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome.Done(release.Id, new Problem("edit_held"));
    }

    private async Task<Outcome> ConflictAsync(ReleaseVersion current, DraftText yours, CancellationToken ct)
    {
        var latest = await db.Revisions.AsNoTracking().Where(r => r.ReleaseVersionId == current.Id)
            .OrderByDescending(r => r.Number).FirstAsync(ct);
        return new Outcome.Conflict(
            new DraftText(current.Title, current.Slug, current.Summary, current.Body),
            latest.Author, latest.CreatedAt, yours, current.ConcurrencyVersion);
    }

    /// <summary>The stored text of the fields the editor chose to keep; the base matched, so it is the text they were shown.</summary>
    /// <summary>Names one saving of a held edit; a later save of it gives another.</summary>
    public static string HeldStamp(HeldEdit held) => $"{held.Id}:{held.CreatedAt.Ticks / 10}";

    private static DraftText KeepTheirs(DraftText yours, DraftText stored, IReadOnlySet<string>? fields) =>
        fields is not { Count: > 0 } ? yours : new DraftText(
            fields.Contains("title") ? stored.Title : yours.Title,
            fields.Contains("slug") ? stored.Slug : yours.Slug,
            fields.Contains("summary") ? stored.Summary : yours.Summary,
            fields.Contains("body") ? stored.Body : yours.Body);

    private static bool Same(ReleaseVersion version, DraftText text) =>
        version.Title == text.Title && version.Slug == text.Slug && version.Summary == text.Summary && version.Body == text.Body;
}
