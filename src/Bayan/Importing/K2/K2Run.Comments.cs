using System.Net;
using System.Text.RegularExpressions;
using Bayan.Comments;

namespace Bayan.Importing.K2;

internal sealed partial class K2Run
{
    /// <summary>
    /// An item's comments with their author, date and published flag (unpublished ones wait for moderation), made
    /// plain text; each must then pass the rules of a reader's comment. K2 comments have no threads.
    /// </summary>
    private void Comments(int releaseId, IEnumerable<K2Comment> comments, string language)
    {
        var list = comments.Where(c => Made(ImportKinds.Comment, c.Id.ToString()) is not { TargetId: not null }).ToList();
        report.Of(ImportKinds.Comment).Unchanged += comments.Count() - list.Count;
        if (list.Count == 0)
            return;
        if (options.DryRun)
        {
            report.Of(ImportKinds.Comment).Imported += list.Count;
            return;
        }
        // Written with the batch's others; K2 comments have no threads.
        foreach (var comment in list)
            Archive.Comment(new ArchiveComment(comment.Id.ToString(), null, releaseId, language, WebUtility.HtmlDecode(comment.Name), comment.Email,
                PlainComment(comment.Text), comment.Published, comment.Date ?? clock.GetUtcNow().UtcDateTime, null));
    }

    /// <summary>K2 keeps comments as the reader typed them; a tag that slipped in goes, its text and the line breaks stay.</summary>
    private static string PlainComment(string text) =>
        WebUtility.HtmlDecode(CommentTag().Replace(CommentBreak().Replace(text.Replace("\r\n", "\n"), "\n"), "")).Trim();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex CommentBreak();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex CommentTag();
}
