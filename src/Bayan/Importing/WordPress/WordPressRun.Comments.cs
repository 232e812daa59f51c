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
        if (item.Comments.Count == 0)
            return;
        var versionId = await db.ReleaseVersions.Where(v => v.ReleaseId == releaseId && v.Language == language).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (versionId is null)
            return;
        foreach (var comment in item.Comments.OrderBy(c => c.Parent == 0 ? 0 : 1).ThenBy(c => c.Id))
        {
            var id = comment.Id.ToString();
            if (Made(ImportKinds.Comment, id) is { TargetId: not null })
            {
                report.Of(ImportKinds.Comment).Unchanged++;
                continue;
            }
            if (NotImported(comment) is { } reason)
            {
                report.Skip(ImportKinds.Comment, id, reason);
                continue;
            }
            int? parent = comment.Parent != 0 && Made(ImportKinds.Comment, comment.Parent.ToString())?.TargetId is { } p ? int.Parse(p) : null;
            var (commentId, problem) = await operations.Comment.RunAsync(new ImportedComment(versionId.Value, parent,
                WebUtility.HtmlDecode(comment.Author), comment.AuthorEmail, PlainComment(comment.Content), comment.Approved == "1",
                comment.DateGmt ?? comment.Date ?? clock.GetUtcNow().UtcDateTime), ct);
            if (commentId is null)
            {
                report.Skip(ImportKinds.Comment, id, problem!);
                continue;
            }
            report.Of(ImportKinds.Comment).Imported++;
            await RememberAsync(ImportKinds.Comment, id, commentId.Value.ToString(), language, null, null, ct);
        }
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
