using Bayan.Comments;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Web.Caching;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <param name="Language">A reader may write in any language: the text's lang and dir.</param>
public sealed record CommentView(int Id, string Name, string Html, LocalDate Date, TextLanguage Language, IReadOnlyList<CommentView> Replies);

/// <summary>What the reader typed, kept when the form comes back with problems or asking to be sent again.</summary>
public sealed record CommentFormState(string Name, string Email, string Text, int? ParentId, IReadOnlyDictionary<string, Problem> Errors)
{
    /// <summary>Said above the form, e.g. that the comment is not sent yet.</summary>
    public string? Notice { get; init; }
}

/// <summary>The comment form; <see cref="TokenUrl"/> is where its script fetches a token when the page came without one.</summary>
public sealed record CommentFormView(
    bool Open, string Action, string Token, string TokenUrl, string Name, string Email, string Text, string? ParentId,
    IReadOnlyDictionary<string, string> Errors, string? Message, string? Notice);

/// <summary>The comments under a release page: approved ones with their replies, and the form.</summary>
internal static class CommentSection
{
    // Compiled once: on most release pages these queries find nothing, and translating them again each
    // time cost more than running them.
    private static readonly Func<BayanDb, int, IAsyncEnumerable<Comment>> ApprovedUnderVersion = EF.CompileAsyncQuery<BayanDb, int, Comment>(
        (BayanDb db, int versionId) => db.Comments.AsNoTracking()
            .Where(c => c.ReleaseVersionId == versionId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id));

    private static readonly Func<BayanDb, int, IAsyncEnumerable<Comment>> ApprovedUnderRelease = EF.CompileAsyncQuery<BayanDb, int, Comment>(
        (BayanDb db, int releaseId) => db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Approved
                && db.ReleaseVersions.Any(v => v.Id == c.ReleaseVersionId && v.ReleaseId == releaseId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id));

    /// <summary>The approved comments under one language version, oldest first.</summary>
    public static Task<List<Comment>> ApprovedAsync(BayanDb db, ReleaseVersion version, CancellationToken ct) =>
        ListAsync(ApprovedUnderVersion(db, version.Id), ct);

    /// <summary>The approved comments under every language version of a release, oldest first.</summary>
    public static Task<List<Comment>> ApprovedUnderReleaseAsync(BayanDb db, int releaseId, CancellationToken ct) =>
        ListAsync(ApprovedUnderRelease(db, releaseId), ct);

    private static async Task<List<Comment>> ListAsync(IAsyncEnumerable<Comment> comments, CancellationToken ct)
    {
        var list = new List<Comment>();
        await foreach (var comment in comments.WithCancellation(ct))
            list.Add(comment);
        return list;
    }

    /// <param name="approved">The approved comments under <paramref name="version"/>, oldest first.</param>
    /// <param name="state">The reader's form as sent, when it comes back; only then does the page carry a token.</param>
    public static void Add(
        Dictionary<string, object?> values, HttpContext http, SiteSnapshot site,
        Release release, ReleaseVersion version, IReadOnlyList<Comment> approved, DateTime now, CommentFormState? state)
    {
        var lang = version.Language;
        CommentView View(Comment c) => new(
            c.Id, c.Name, CommentText.ToHtml(c.Text), site.Dates.Listing(c.CreatedAt, release.Office, lang), TextLanguage.Guessed(c.Text, lang),
            [.. approved.Where(r => r.ParentId == c.Id).Select(View)]);
        values["comments"] = approved.Where(c => c.ParentId is null).Select(View).ToList();
        values["comment_count"] = Digits.ForLanguage(approved.Count.ToString(), lang, site.Site.ExtendedDigits);

        var open = PostComment.IsOpen(release, site.Site.CommentsOpenDays, now);
        // A page as every reader sees it carries no token (nor its cookie), kept for all or not: making
        // one costs a cookie read and an encryption on every view, for the few who write. The form's
        // script asks for one; without script the first sending is answered with a token and a request
        // to send again. A form that comes back to its writer carries theirs.
        var token = open && state is not null && !PageCache.IsShared(http)
            ? http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? ""
            : "";
        var message = http.Request.Query["comment"].ToString() switch
        {
            "held" => Messages.Get(lang, "comment_held"),
            "posted" => Messages.Get(lang, "comment_posted"),
            _ => null,
        };
        values["comment_form"] = new CommentFormView(
            open,
            $"{ReleasePage.UrlOf(release, version)}/comments",
            token,
            CommentsEndpoint.TokenPath,
            state?.Name ?? "",
            state?.Email ?? "",
            state?.Text ?? "",
            state?.ParentId?.ToString(),
            state?.Errors.ToDictionary(e => e.Key, e => e.Value.In(lang)) ?? [],
            message,
            state?.Notice);
    }
}
