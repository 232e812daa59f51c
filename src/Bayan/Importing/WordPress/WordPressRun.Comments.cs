using System.Net;
using System.Text.RegularExpressions;
using Bayan.Comments;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    /// <summary>
    /// A version's comments with their author, date, approval and thread: `1` approved, `0` waiting for moderation,
    /// spam and trash skipped and counted, pingbacks and trackbacks skipped. The text becomes plain text and must
    /// then pass the rules of a reader's comment.
    /// </summary>
    private async Task CommentsAsync(int releaseId, WxrItem item, string language, CancellationToken ct)
    {
        foreach (var comment in item.Comments.OrderBy(c => c.Parent == 0 ? 0 : 1).ThenBy(c => c.Id))
        {
            var id = comment.Id.ToString();
            if (Made(ImportKinds.Comment, id) is { TargetId: not null } known)
            {
                await FollowApprovalAsync(known, comment, ct);
                continue;
            }
            if (NotImported(comment) is { } reason)
            {
                report.Skip(ImportKinds.Comment, id, reason);
                continue;
            }
            // Written with the batch's others (parents first), then remembered with the approval WordPress gave it.
            Archive.Comment(new ArchiveComment(id, comment.Parent != 0 ? comment.Parent.ToString() : null, releaseId, language,
                WebUtility.HtmlDecode(comment.Author), comment.AuthorEmail, PlainComment(comment.Content), comment.Approved == "1",
                comment.DateGmt ?? comment.Date ?? clock.GetUtcNow().UtcDateTime, comment.Approved));
        }
    }

    /// <summary>
    /// A comment imported before whose approval WordPress changed since is moderated as the back office would:
    /// approved, marked as spam, or rejected (trashed, or no longer approved: readers stop seeing it). The ledger keeps
    /// the approval each comment was imported with, so a moderator's later decision here stands until WordPress's changes.
    /// </summary>
    private async Task FollowApprovalAsync(LedgerEntry known, WxrComment comment, CancellationToken ct)
    {
        if (known.ContentHash == comment.Approved || !int.TryParse(known.TargetId, out var commentId))
        {
            report.Of(ImportKinds.Comment).Unchanged++;
            return;
        }
        var status = await db.Comments.Where(c => c.Id == commentId).Select(c => (CommentStatus?)c.Status).FirstOrDefaultAsync(ct);
        Moderation? action = (comment.Approved, status) switch
        {
            (_, null) => null,
            ("1", not CommentStatus.Approved) => Moderation.Approve,
            ("0", CommentStatus.Approved) => Moderation.Reject,
            ("spam", not CommentStatus.Spam) => Moderation.MarkAsSpam,
            ("trash" or "post-trashed", not CommentStatus.Rejected) => Moderation.Reject,
            _ => null,
        };
        if (action is { } moderation && await operations.Moderate.RunAsync(Importer, [commentId], moderation, ct) > 0)
            report.Of(ImportKinds.Comment).Updated++;
        else
            report.Of(ImportKinds.Comment).Unchanged++;
        if (status is not null)
            await RememberAsync(ImportKinds.Comment, known.SourceId, known.TargetId, known.Language, null, comment.Approved, ct);
    }

    /// <summary>For a dry run: what the comments would become.</summary>
    private void CountComments(WxrItem item)
    {
        foreach (var comment in item.Comments)
        {
            if (NotImported(comment) is { } reason)
                report.Skip(ImportKinds.Comment, comment.Id.ToString(), reason);
            else
                report.Of(ImportKinds.Comment).Imported++;
        }
    }

    private static Problem? NotImported(WxrComment comment) => comment switch
    {
        { Type: "pingback" or "trackback" } => new Problem("import_comment_ping", comment.Type),
        { Approved: "spam" } => new Problem("import_comment_spam"),
        { Approved: "trash" or "post-trashed" } => new Problem("import_comment_trash"),
        _ => null,
    };

    /// <summary>WordPress lets commenters use a few tags (links, bold): their text stays, the tags go, and line breaks are kept.</summary>
    private static string PlainComment(string html)
    {
        var text = CommentBreak().Replace(html.Replace("\r\n", "\n"), "\n");
        text = CommentTag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<br\s*/?>|</p>\s*<p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CommentBreak();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex CommentTag();
}
