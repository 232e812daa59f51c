using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Editing;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tags;

/// <summary>Renames, merges and deletes tags; administrators only.</summary>
public sealed class ManageTags(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<EditOutcome> RenameAsync(Actor actor, int id, string name, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new EditOutcome.Forbidden();
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
            return new EditOutcome.NotFound();
        var text = name?.Trim() ?? "";
        var slug = Slug.From(text);
        if (text.Length is 0 or > Limits.Title || text.Contains('<') || slug.Length == 0)
            return Invalid("name", new Problem("edit_tag_invalid"));
        if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
            return Invalid("name", new Problem("manage_slug_taken", slug));
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "tag.renamed", $"tag:{tag.Slug}", $"{tag.Name} -> {text}");
        (tag.Name, tag.Slug) = (text, slug);
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("tags"));
        return new EditOutcome.Done(id, new Problem("manage_saved"));
    }

    /// <summary>Moves every release of one tag to another (never twice onto one release) and removes the first.</summary>
    public async Task<EditOutcome> MergeAsync(Actor actor, int fromId, int intoId, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new EditOutcome.Forbidden();
        var from = await db.Tags.FirstOrDefaultAsync(t => t.Id == fromId, ct);
        var into = await db.Tags.FirstOrDefaultAsync(t => t.Id == intoId, ct);
        if (from is null || into is null || fromId == intoId)
            return Invalid("into", new Problem("manage_merge_invalid"));
        var releases = await db.Releases.Include(r => r.Tags).Where(r => r.Tags.Any(t => t.Id == fromId)).ToListAsync(ct);
        foreach (var release in releases)
        {
            release.Tags.RemoveAll(t => t.Id == fromId);
            if (release.Tags.All(t => t.Id != intoId))
                release.Tags.Add(into);
        }
        db.Tags.Remove(from);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "tag.merged", $"tag:{into.Slug}", $"{from.Name} into {into.Name}; {releases.Count} releases");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("tags"));
        return new EditOutcome.Done(intoId, new Problem("manage_saved"));
    }

    public async Task<EditOutcome> DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new EditOutcome.Forbidden();
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
            return new EditOutcome.NotFound();
        db.Tags.Remove(tag);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "tag.deleted", $"tag:{tag.Slug}", tag.Name);
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("tags"));
        return new EditOutcome.Done(id, new Problem("manage_saved"));
    }

    private static EditOutcome Invalid(string field, Problem problem) =>
        new EditOutcome.Invalid(new Dictionary<string, Problem> { [field] = problem });
}
