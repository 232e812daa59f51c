using Bayan.Comments;
using Bayan.Dates;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Web.Caching;
using Microsoft.AspNetCore.Antiforgery;
using Bayan.Sites;

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
    /// <param name="approved">The approved comments under <paramref name="version"/>, oldest first.</param>
    /// <param name="state">The reader's form as sent, when it comes back; only then does the page carry a token.</param>
    public static void Add(
        Dictionary<string, object?> values, HttpContext http, SiteSnapshot site,
        Release release, ReleaseVersion version, IReadOnlyList<Comment> approved, DateTime now, CommentFormState? state)
    {
        var lang = version.Language;
        // A page as every reader sees it carries no token (nor its cookie), kept for all or not: making
        // one costs a cookie read and an encryption on every view, for the few who write. The form's
        // script asks for one; without script the first sending is answered with a token and a request
        // to send again. A form that comes back to its writer carries theirs.
        var token = PostComment.IsOpen(release, site.Site.CommentsOpenDays, now) && state is not null && !PageCache.IsShared(http)
            ? http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? ""
            : "";
        var message = http.Request.Query["comment"].ToString() switch
        {
            "held" => Messages.Get(lang, "comment_held"),
            "posted" => Messages.Get(lang, "comment_posted"),
            _ => null,
        };
        Add(values, site, release, version, approved, now, state, token, message);
    }

    /// <summary>The comments and the form as a page shows them without any request: no token, nothing said about a sending.</summary>
    /// <param name="token">The reader's antiforgery token, or "" for a page every reader sees.</param>
    /// <param name="message">What the reader's last sending did ("held for moderation"), if anything.</param>
    public static void Add(
        Dictionary<string, object?> values, SiteSnapshot site, Release release, ReleaseVersion version,
        IReadOnlyList<Comment> approved, DateTime now, CommentFormState? state = null, string token = "", string? message = null)
    {
        var lang = version.Language;
        CommentView View(Comment c) => new(
            c.Id, c.Name, CommentText.ToHtml(c.Text), site.Dates.Listing(c.CreatedAt, release.Office, lang), TextLanguage.Guessed(c.Text, lang),
            [.. approved.Where(r => r.ParentId == c.Id).Select(View)]);
        values["comments"] = approved.Where(c => c.ParentId is null).Select(View).ToList();
        values["comment_count"] = Digits.ForLanguage(approved.Count.ToString(), lang, site.Site.ExtendedDigits);
        values["comment_form"] = new CommentFormView(
            PostComment.IsOpen(release, site.Site.CommentsOpenDays, now),
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
