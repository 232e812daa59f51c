using Bayan.Comments;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Editing;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Web.Caching;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

public sealed record CommentView(int Id, string Name, string Html, LocalDate Date, IReadOnlyList<CommentView> Replies);

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
    // Compiled once: on most release pages this query finds nothing, and translating it again each
    // time cost more than running it.
    private static readonly Func<BayanDb, int, IAsyncEnumerable<Comment>> ApprovedUnder = EF.CompileAsyncQuery<BayanDb, int, Comment>(
        (BayanDb db, int versionId) => db.Comments.AsNoTracking()
            .Where(c => c.ReleaseVersionId == versionId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id));

    public static async Task AddAsync(
        Dictionary<string, object?> values, HttpContext http, BayanDb db, SiteSnapshot site,
        Release release, ReleaseVersion version, DateTime now, CommentFormState? state)
    {
        var lang = version.Language;
        var approved = new List<Comment>();
        await foreach (var comment in ApprovedUnder(db, version.Id).WithCancellation(http.RequestAborted))
            approved.Add(comment);
        CommentView View(Comment c) => new(
            c.Id, c.Name, CommentText.ToHtml(c.Text), site.Dates.Listing(c.CreatedAt, release.Office, lang),
            [.. approved.Where(r => r.ParentId == c.Id).Select(View)]);
        values["comments"] = approved.Where(c => c.ParentId is null).Select(View).ToList();
        values["comment_count"] = Digits.ForLanguage(approved.Count.ToString(), lang, site.Site.ExtendedDigits);

        var open = PostComment.IsOpen(release, site.Site.CommentsOpenDays, now);
        // A page kept for every reader carries no token (nor its cookie): the form's script asks for
        // one, and without script the first sending is answered with a token and a request to send again.
        var token = open && !PageCache.IsShared(http)
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
