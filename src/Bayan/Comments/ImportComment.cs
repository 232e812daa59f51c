using Bayan.Operations;

namespace Bayan.Comments;

/// <summary>
/// A comment brought in with an archive: its author, date and approval as they were. The text must already
/// be plain text; it meets the same rules as a reader's comment (<see cref="PostComment.Check"/>), except that
/// an e-mail address may be missing. <see cref="ParentId"/> is a comment of the same version.
/// </summary>
public sealed record ImportedComment(int ReleaseVersionId, int? ParentId, string Name, string? Email, string Text, bool Approved, DateTime CreatedAt);

/// <summary>Adds an imported comment, approved or waiting for moderation; a refused one saves nothing and says why (<see cref="ImportComments"/>, for one).</summary>
public sealed class ImportComment(ImportComments many)
{
    public async Task<(int? Id, Problem? Problem)> RunAsync(ImportedComment input, CancellationToken ct) =>
        (await many.RunAsync([input], ct))[0];
}
