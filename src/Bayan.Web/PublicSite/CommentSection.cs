using Bayan.Comments;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Editing;
using Bayan.Localization;
using Bayan.Releases;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

public sealed record CommentView(int Id, string Name, string Html, LocalDate Date, IReadOnlyList<CommentView> Replies);

/// <summary>What the reader typed, kept when the form comes back with problems.</summary>
public sealed record CommentFormState(string Name, string Email, string Text, int? ParentId, IReadOnlyDictionary<string, Problem> Errors);

public sealed record CommentFormView(
    bool Open, string Action, string Token, string Name, string Email, string Text, string? ParentId,
    IReadOnlyDictionary<string, string> Errors, string? Message);

/// <summary>The comments under a release page: approved ones with their replies, and the form.</summary>
internal static class CommentSection
{
    public static async Task AddAsync(
        Dictionary<string, object?> values, HttpContext http, BayanDb db, SiteSnapshot site,
        Release release, ReleaseVersion version, DateTime now, CommentFormState? state)
    {
        var lang = version.Language;
        var approved = await db.Comments.AsNoTracking()
            .Where(c => c.ReleaseVersionId == version.Id && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(http.RequestAborted);
        CommentView View(Comment c) => new(
            c.Id, c.Name, CommentText.ToHtml(c.Text), site.Dates.Listing(c.CreatedAt, release.Office, lang),
            [.. approved.Where(r => r.ParentId == c.Id).Select(View)]);
        values["comments"] = approved.Where(c => c.ParentId is null).Select(View).ToList();
        values["comment_count"] = Digits.ForLanguage(approved.Count.ToString(), lang, site.Site.ExtendedDigits);

        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var message = http.Request.Query["comment"].ToString() switch
        {
            "held" => Messages.Get(lang, "comment_held"),
            "posted" => Messages.Get(lang, "comment_posted"),
            _ => null,
        };
        values["comment_form"] = new CommentFormView(
            PostComment.IsOpen(release, site.Site.CommentsOpenDays, now),
            $"{ReleasePage.UrlOf(release, version)}/comments",
            tokens.RequestToken ?? "",
            state?.Name ?? "",
            state?.Email ?? "",
            state?.Text ?? "",
            state?.ParentId?.ToString(),
            state?.Errors.ToDictionary(e => e.Key, e => e.Value.In(lang)) ?? [],
            message);
    }
}
