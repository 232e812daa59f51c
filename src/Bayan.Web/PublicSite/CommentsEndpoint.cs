using Bayan.Comments;
using Bayan.Data;
using Bayan.Localization;
using Bayan.Releases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>
/// POST /{lang}/{office}/{id}/{slug}/comments: a reader's comment. Antiforgery is checked for the
/// form; the rate limit per address is the "comments" policy. Success goes back to the page.
/// </summary>
internal static class CommentsEndpoint
{
    public const string RateLimitPolicy = "comments";

    public static async Task<IResult> HandleAsync(
        string lang, string office, int id, string slug,
        [FromForm] string? name, [FromForm] string? email, [FromForm] string? text, [FromForm] int? parent, [FromForm] string? website,
        HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, PostComment post, TimeProvider clock)
    {
        var site = await sites.LoadAsync(http.RequestAborted);
        if (site is null || !site.IsEnabled(lang))
            return Results.NotFound();
        var outcome = await post.RunAsync(new CommentForm(id, lang, name, email, text, parent, website), http.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var release = await db.Releases.AsNoTracking().VisibleAt(now).WithPageData().FirstOrDefaultAsync(r => r.Id == id, http.RequestAborted);
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
            default:
                var invalid = (CommentOutcome.Invalid)outcome;
                var values = ReleasePage.Values(release, version, site, lang, http.Request);
                await CommentSection.AddAsync(values, http, db, site, release, version, now,
                    new CommentFormState(name ?? "", email ?? "", text ?? "", parent, invalid.Errors));
                var info = new PageInfo(version.Title, page) { NoIndex = true };
                return await pages.RenderAsync(http, site, lang, "release", info, values, StatusCodes.Status422UnprocessableEntity);
        }
    }
}
