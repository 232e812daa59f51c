using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

/// <summary>
/// Adds many imported comments at once, each as <see cref="ImportComment"/> adds one (the same rules, approved or
/// waiting), with their versions and parents read in one query each and the rows written in one save: an importer
/// brings tens of thousands. A parent must already be saved (an earlier call); a refused comment saves nothing and says why.
/// </summary>
public sealed class ImportComments(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<IReadOnlyList<(int? Id, Problem? Problem)>> RunAsync(IReadOnlyList<ImportedComment> inputs, CancellationToken ct)
    {
        var results = new (int? Id, Problem? Problem)[inputs.Count];
        if (inputs.Count == 0)
            return results;
        var versionIds = inputs.Select(i => i.ReleaseVersionId).Distinct().ToList();
        var versions = await db.ReleaseVersions.Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.ReleaseId, v.Release.Status }).ToDictionaryAsync(v => v.Id, ct);
        var parentIds = inputs.Where(i => i.ParentId is not null).Select(i => i.ParentId!.Value).Distinct().ToList();
        var parents = parentIds.Count == 0 ? [] : await db.Comments.Where(c => parentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.ParentId, c.ReleaseVersionId }).ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(int Index, Comment Comment, int ReleaseId, ReleaseStatus Status)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var name = input.Name.Trim();
            var email = input.Email?.Trim() ?? "";
            var text = input.Text.Trim();
            if (PostComment.Check(name, email, text, emailRequired: false).Values.FirstOrDefault() is { } problem)
            {
                results[i] = (null, problem);
                continue;
            }
            if (!versions.TryGetValue(input.ReleaseVersionId, out var version))
            {
                results[i] = (null, new Problem("comment_parent_unknown"));
                continue;
            }
            // Replies go one level deep here: a reply to a reply answers the first comment of its thread.
            int? parentId = input.ParentId is { } id && parents.TryGetValue(id, out var parent) && parent.ReleaseVersionId == input.ReleaseVersionId
                ? parent.ParentId ?? parent.Id
                : null;
            added.Add((i, new Comment
            {
                ReleaseVersionId = input.ReleaseVersionId,
                ParentId = parentId,
                Name = name,
                Email = email,
                Text = text,
                Status = input.Approved ? CommentStatus.Approved : CommentStatus.Pending,
                CreatedAt = input.CreatedAt,
                ModeratedAt = input.Approved ? now : null,
                ModeratedBy = input.Approved ? "import" : null,
            }, version.ReleaseId, version.Status));
        }
        if (added.Count == 0)
            return results;
        db.Comments.AddRange(added.Select(a => a.Comment));
        await db.SaveChangesAsync(ct);
        foreach (var (index, comment, _, _) in added)
            results[index] = (comment.Id, null);
        // Readers see approved comments of a public release only: those of a draft (an archive being brought in) change no page.
        var shown = added.Where(a => a.Comment.Status == CommentStatus.Approved && a.Status is ReleaseStatus.Published or ReleaseStatus.Retracted)
            .Select(a => a.ReleaseId).Distinct().ToList();
        if (shown.Count > 0)
            await changes.SavedAsync(new ContentChange.Comments(shown));
        return results;
    }
}
