using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

public enum Moderation
{
    Approve,
    Reject,
    MarkAsSpam,
    Delete,
}

/// <summary>
/// Approves, rejects, marks as spam or deletes comments, many at once; moderators and administrators only.
/// Each approval writes its `comment.approved` webhook event in the same save.
/// </summary>
public sealed class ModerateComments(BayanDb db, TimeProvider clock, IContentChanges changes, WebhookEvents webhooks)
{
    /// <summary>
    /// How many comments changed; null when the actor may not moderate. A comment already in the
    /// asked-for state, or deleted meanwhile, is left alone and not counted.
    /// </summary>
    public async Task<int?> RunAsync(Actor actor, IReadOnlyList<int> ids, Moderation action, CancellationToken ct)
    {
        if (!actor.CanModerate)
            return null;
        var target = action switch
        {
            Moderation.Approve => CommentStatus.Approved,
            Moderation.Reject => CommentStatus.Rejected,
            _ => CommentStatus.Spam,
        };
        var comments = await db.Comments.Where(c => ids.Contains(c.Id))
            .Where(c => action == Moderation.Delete || c.Status != target).ToListAsync(ct);
        if (comments.Count == 0)
            return 0;
        var versions = comments.Select(c => c.ReleaseVersionId).Distinct().ToList();
        var releases = await db.ReleaseVersions.Where(v => versions.Contains(v.Id)).Select(v => v.ReleaseId).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var comment in comments)
        {
            if (action == Moderation.Delete)
            {
                // Replies go with the comment they answer.
                db.Comments.RemoveRange(await db.Comments.Where(c => c.ParentId == comment.Id).ToListAsync(ct));
                db.Comments.Remove(comment);
            }
            else
            {
                comment.Status = target;
                comment.ModeratedBy = actor.Name;
                comment.ModeratedAt = now;
            }
            AuditLog.Record(db, now, actor.Name, $"comment.{action.ToString().ToLowerInvariant()}", $"comment:{comment.Id}", comment.Name);
            if (action == Moderation.Approve)
                await webhooks.CommentAsync(WebhookEventTypes.CommentApproved, comment, ct);
        }
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Comments(releases));
        return comments.Count;
    }
}
