using System.Collections.Concurrent;
using Bayan.Accounts;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

/// <summary>A comment in the moderation queue, with the title and address of the release it is under.</summary>
public sealed record QueuedComment(int Id, string Name, string Email, string Text, DateTime At, string ReleaseTitle, int ReleaseId, string Language, CommentStatus Status);

/// <summary>The comments readers see (the approved ones, oldest first), and the moderators' queue.</summary>
public sealed class CommentQueries(BayanDb db)
{
    // Compiled once: on most release pages these queries find nothing, and translating them again each
    // time cost more than running them. Once per database provider: a compiled query keeps to the model it
    // first ran with, and one process may hold both (a site moved from SQLite to PostgreSQL, and its tests).
    private static readonly ConcurrentDictionary<Type, CompiledQueries> Compiled = new();

    private sealed record CompiledQueries(
        Func<BayanDb, int, IAsyncEnumerable<Comment>> ApprovedUnderVersion,
        Func<BayanDb, int, IAsyncEnumerable<Comment>> ApprovedUnderRelease);

    private static CompiledQueries Compile(Type _) => new(
        EF.CompileAsyncQuery<BayanDb, int, Comment>(
            (BayanDb db, int versionId) => db.Comments.AsNoTracking()
                .Where(c => c.ReleaseVersionId == versionId && c.Status == CommentStatus.Approved)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)),
        EF.CompileAsyncQuery<BayanDb, int, Comment>(
            (BayanDb db, int releaseId) => db.Comments.AsNoTracking()
                .Where(c => c.Status == CommentStatus.Approved
                    && db.ReleaseVersions.Any(v => v.Id == c.ReleaseVersionId && v.ReleaseId == releaseId))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)));

    private CompiledQueries Queries => Compiled.GetOrAdd(db.GetType(), Compile);

    /// <summary>The approved comments under one language version, oldest first.</summary>
    public Task<List<Comment>> ApprovedAsync(ReleaseVersion version, CancellationToken ct) =>
        ListAsync(Queries.ApprovedUnderVersion(db, version.Id), ct);

    /// <summary>The approved comments under every language version of a release, oldest first.</summary>
    public Task<List<Comment>> ApprovedUnderReleaseAsync(int releaseId, CancellationToken ct) =>
        ListAsync(Queries.ApprovedUnderRelease(db, releaseId), ct);

    private static async Task<List<Comment>> ListAsync(IAsyncEnumerable<Comment> comments, CancellationToken ct)
    {
        var list = new List<Comment>();
        await foreach (var comment in comments.WithCancellation(ct))
            list.Add(comment);
        return list;
    }

    /// <summary>The newest <paramref name="count"/> comments with this status.</summary>
    public Task<List<QueuedComment>> QueueAsync(CommentStatus status, int count, CancellationToken ct) =>
        db.Comments.AsNoTracking().Where(c => c.Status == status)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(count)
            .Join(db.ReleaseVersions, c => c.ReleaseVersionId, v => v.Id,
                (c, v) => new QueuedComment(c.Id, c.Name, c.Email, c.Text, c.CreatedAt, v.Title, v.ReleaseId, v.Language, c.Status))
            .ToListAsync(ct);

    /// <summary>The same for an actor: null when they may not moderate.</summary>
    public async Task<List<QueuedComment>?> QueueForAsync(Actor actor, CommentStatus status, int count, CancellationToken ct) =>
        actor.CanModerate ? await QueueAsync(status, count, ct) : null;

    /// <summary>How many comments wait for a moderator.</summary>
    public Task<int> PendingCountAsync(CancellationToken ct) => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, ct);
}
