using Bayan.Localization;
using Bayan.Redirects;
using Bayan.Sites;
using Bayan.Web.PublicSite;

namespace Bayan.Web.Redirects;

/// <summary>
/// Old addresses (a WordPress or Joomla site's, or redirects made by hand) answered with 301 or 410. They are looked
/// up only where Bayan has no page: a request that ends as a 404, or "/" asked with an old query ("/?p=12"), so
/// ordinary pages never touch the redirects. A redirect is never kept by the page cache: it keeps only 200s.
/// </summary>
internal static class OldAddresses
{
    /// <summary>Inside the error pages, so that a 404 routing leaves bare is looked up before it is dressed, and a 410 is dressed.</summary>
    public static void UseOldAddresses(this WebApplication app) => app.Use(AnswerAsync);

    private static async Task AnswerAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        // "/" would send "/?p=12" to the reader's language; the old query says where it really goes.
        if (request.Path.Value is "/" && request.QueryString.HasValue && IsRead(request)
            && OldShapes.IsOldQuery(request.Query.ContainsKey) && await ResolveAsync(http) is { } early)
        {
            Write(http, early);
            return;
        }
        await next(http);
        // No endpoint at all ("/component/k2/item/12-alias"): the bare 404 routing left, not yet dressed by the error pages.
        var response = http.Response;
        if (response.StatusCode == StatusCodes.Status404NotFound && !response.HasStarted && string.IsNullOrEmpty(response.ContentType)
            && IsRead(request) && !IsBayansOwn(request.Path) && await ResolveAsync(http) is { } late)
            Write(http, late);
    }

    /// <summary>
    /// For a public page about to answer 404 ("/2023/11/04/slug/" reaches the release route, "/slug/" a language's home):
    /// the redirect or the 410 page instead, or null to go on with the 404.
    /// </summary>
    public static async Task<IResult?> InsteadOfNotFoundAsync(HttpContext http, PageRenderer pages, SiteSnapshot site, string lang)
    {
        if (!IsRead(http.Request) || await ResolveAsync(http) is not { } answer)
            return null;
        return answer switch
        {
            RedirectAnswer.Moved moved => Results.Redirect(moved.Location, permanent: true),
            _ => await pages.ErrorAsync(http, site, lang, StatusCodes.Status410Gone, Messages.Get(lang, "error_410_message")),
        };
    }

    private static Task<RedirectAnswer?> ResolveAsync(HttpContext http)
    {
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Query)
            query.TryAdd(name, values.FirstOrDefault() ?? "");
        return http.RequestServices.GetRequiredService<RedirectQueries>()
            .ResolveAsync(http.Request.Path.Value ?? "/", query, http.RequestAborted);
    }

    private static void Write(HttpContext http, RedirectAnswer answer)
    {
        if (answer is RedirectAnswer.Moved moved)
        {
            http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            http.Response.Headers.Location = moved.Location;
        }
        else
        {
            // Left bare: the error pages dress it in the reader's language.
            http.Response.StatusCode = StatusCodes.Status410Gone;
        }
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static bool IsBayansOwn(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api") || path.StartsWithSegments("/media");
}
