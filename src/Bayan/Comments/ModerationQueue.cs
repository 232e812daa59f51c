using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

/// <summary>A comment as a moderator's list shows it, with the release version it is on.</summary>
public sealed record QueuedComment(int Id, string Name, string Text, DateTime CreatedAt, CommentStatus Status, int ReleaseId, string Language, string ReleaseTitle);

/// <summary>The comments of one status, newest first; moderators and administrators only.</summary>
public sealed class ModerationQueue(BayanDb db)
{
    /// <summary>Null when the actor may not moderate.</summary>
    public async Task<IReadOnlyList<QueuedComment>?> ListAsync(Actor actor, CommentStatus status, int take, CancellationToken ct)
    {
        if (!actor.CanModerate)
            return null;
        return await db.Comments.AsNoTracking().Where(c => c.Status == status)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take)
            .Join(db.ReleaseVersions, c => c.ReleaseVersionId, v => v.Id,
                (c, v) => new QueuedComment(c.Id, c.Name, c.Text, c.CreatedAt, c.Status, v.ReleaseId, v.Language, v.Title))
            .ToListAsync(ct);
    }
}
