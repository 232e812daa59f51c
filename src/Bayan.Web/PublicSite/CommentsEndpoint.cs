using Bayan.Comments;
using Bayan.Data;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Releases;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// POST /{lang}/{office}/{id}/{slug}/comments: a reader's comment; the rate limit per address is the
/// "comments" policy. Release pages are shared between readers, so they carry no antiforgery token:
/// the form's script fetches one from <see cref="TokenPath"/>. A sending without a valid token (no
/// script, or an old page) keeps nothing and shows the form again with the reader's text and a token.
/// </summary>
internal static class CommentsEndpoint
{
    public const string RateLimitPolicy = "comments";

    /// <summary>Where the comment form's script gets a token (and its cookie), never kept by any cache.</summary>
    public const string TokenPath = "/comments/token";

    public static async Task<IResult> HandleAsync(
        string lang, string office, int id, string slug,
        HttpContext http, SiteReader sites, PageRenderer pages, PublicReleaseQuery releases, CommentQueries comments, PostComment post, IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions, TimeProvider clock)
    {
        var site = await sites.LoadAsync(http.RequestAborted);
        if (site is null || !site.IsEnabled(lang))
            return Results.NotFound();
        // Read by hand, so that no sending (too large, a reply to "abc") loses the reader's words on a bare error page.
        var sending = await CommentSending.ReadAsync(http.Request, http.RequestAborted);
        var (name, email, text, parent) = (sending["name"] ?? "", sending["email"] ?? "", sending["text"] ?? "", sending["parent"]);
        var valid = await antiforgery.IsRequestValidAsync(http);
        var outcome = valid
            ? await post.RunAsync(new CommentForm(id, lang, name, email, text, parent, sending["website"],
                sending[antiforgeryOptions.Value.FormFieldName], sending.Cut), http.RequestAborted)
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        // A retracted release's address stays, but takes no more comments.
        var found = await releases.FindAsync(id, http.RequestAborted);
        var release = found is { Status: not ReleaseStatus.Retracted } ? found.WithSiteData(site) : null;
        var version = release?.Versions.FirstOrDefault(v => v.Language == lang);
        if (release is null || version is null || outcome is CommentOutcome.NotFound)
            return await pages.NotFoundAsync(http, site, lang);
        var page = ReleasePage.UrlOf(release, version);
        switch (outcome)
        {
            case CommentOutcome.Posted posted:
                return Results.Redirect($"{page}?comment={(posted.Held ? "held" : "posted")}#comments");
            case CommentOutcome.Closed:
                return await pages.ErrorAsync(http, site, lang, StatusCodes.Status403Forbidden, Messages.Get(lang, "comment_closed"));
            case CommentOutcome.Invalid invalid:
                return await FormAgainAsync(http, pages, comments, site, release, version, now, StatusCodes.Status422UnprocessableEntity,
                    GivenBack(name, email, text, parent, invalid.Errors));
            default:
                // Not checked at all: the token was missing or stale. Nothing is kept, and nothing lost.
                return await FormAgainAsync(http, pages, comments, site, release, version, now, StatusCodes.Status400BadRequest,
                    GivenBack(name, email, text, parent, new Dictionary<string, Problem>()) with
                    {
                        Notice = Messages.Get(lang, "comment_send_again"),
                    });
        }
    }

    /// <summary>The form's fields as the page can show them again: nothing it cannot paint, no more than a comment holds.</summary>
    private static CommentFormState GivenBack(string name, string email, string text, string? parent, IReadOnlyDictionary<string, Problem> errors)
    {
        static string Shown(string value, int limit)
        {
            var printable = CommentText.WithoutControlCharacters(value);
            return printable.Length > limit ? printable[..limit] : printable;
        }
        return new CommentFormState(
            Shown(name, Limits.CommentName), Shown(email, Limits.Email), Shown(text, Limits.CommentText),
            int.TryParse(parent, out var parentId) ? parentId : null, errors);
    }

    /// <summary>The release page again with the reader's form as sent, never kept: it carries this reader's token.</summary>
    private static async Task<IResult> FormAgainAsync(
        HttpContext http, PageRenderer pages, CommentQueries comments, SiteSnapshot site, Release release, ReleaseVersion version,
        DateTime now, int status, CommentFormState state)
    {
        var lang = version.Language;
        var values = ReleasePage.Values(release, version, site, lang, RequestOrigin.Of(http.Request));
        var approved = await comments.ApprovedAsync(version, http.RequestAborted);
        CommentSection.Add(values, http, site, release, version, approved, now, state);
        var info = new PageInfo(version.Title, ReleasePage.UrlOf(release, version)) { NoIndex = true };
        return await pages.RenderAsync(http, site, lang, "release", info, values, status);
    }

    /// <summary>A fresh token for this reader; the antiforgery cookie goes with it.</summary>
    public static IResult Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(tokens.RequestToken ?? "", "text/plain; charset=utf-8");
    }
}
