using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

/// <summary>
/// A comment brought in with an archive: its author, date and approval as they were. The text must already
/// be plain text; it meets the same rules as a reader's comment (<see cref="PostComment.Check"/>), except that
/// an e-mail address may be missing. <see cref="ParentId"/> is a comment of the same version.
/// </summary>
public sealed record ImportedComment(int ReleaseVersionId, int? ParentId, string Name, string? Email, string Text, bool Approved, DateTime CreatedAt);

/// <summary>Adds an imported comment, approved or waiting for moderation; a refused one saves nothing and says why.</summary>
public sealed class ImportComment(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<(int? Id, Problem? Problem)> RunAsync(ImportedComment input, CancellationToken ct)
    {
        var name = input.Name.Trim();
        var email = input.Email?.Trim() ?? "";
        var text = input.Text.Trim();
        if (PostComment.Check(name, email, text, emailRequired: false).Values.FirstOrDefault() is { } problem)
            return (null, problem);
        var releaseId = await db.ReleaseVersions.Where(v => v.Id == input.ReleaseVersionId).Select(v => (int?)v.ReleaseId).FirstOrDefaultAsync(ct);
        if (releaseId is null)
            return (null, new Problem("comment_parent_unknown"));
        // Replies go one level deep here: a reply to a reply answers the first comment of its thread.
        var parentId = input.ParentId;
        if (parentId is { } id)
        {
            var parent = await db.Comments.Where(c => c.Id == id && c.ReleaseVersionId == input.ReleaseVersionId)
                .Select(c => new { c.Id, c.ParentId }).FirstOrDefaultAsync(ct);
            parentId = parent?.ParentId ?? parent?.Id;
        }
        var comment = new Comment
        {
            ReleaseVersionId = input.ReleaseVersionId,
            ParentId = parentId,
            Name = name,
            Email = email,
            Text = text,
            Status = input.Approved ? CommentStatus.Approved : CommentStatus.Pending,
            CreatedAt = input.CreatedAt,
            ModeratedAt = input.Approved ? clock.GetUtcNow().UtcDateTime : null,
            ModeratedBy = input.Approved ? "import" : null,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        if (input.Approved)
            await changes.SavedAsync(new ContentChange.Comments([releaseId.Value]));
        return (comment.Id, null);
    }
}
