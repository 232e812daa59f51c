using System.Globalization;
using Bayan.Embargo;
using Bayan.Media;
using Bayan.Web.Admin;
using Bayan.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Caching;

/// <summary>
/// Which answers are kept and shared between readers: those of endpoints marked
/// <see cref="PageCache.SharedWithEveryone"/>, for a plain GET or HEAD. Never the back office,
/// embargo previews, media or theme files, anyone who sends credentials (a signed-in editor's
/// cookie, an API token), an address with a query other than ?page= (or the search form's fields on a
/// search, or the API's parameters under /api), or an answer that is not 200 (a 404 is cheap
/// to render again, and keeping them would let anyone fill the cache with made-up addresses), sets a
/// cookie or says it is private.
/// </summary>
internal sealed class SharedPagePolicy(PageCacheOptions options, EvictionLedger ledger, TimeProvider clock) : IOutputCachePolicy
{
    public const string StatusHeader = "X-Cache";

    private static readonly object VisitKey = new();

    // The search form's fields; any other key (a tracker's utm_source) makes an address that is not kept.
    private static readonly string[] SearchKeys = ["q", "office", "category", "from", "to", "page"];

    // Private, or files that are never worth holding in memory (a 30 MB PDF).
    private static readonly string[] NeverShared =
        ["/admin", EmbargoLinks.PathPrefix.TrimEnd('/'), UploadMedia.UrlPrefix.TrimEnd('/'), ThemeSetup.AssetsPath, "/health"];

    /// <summary>The eviction count when this request began, if its answer may be kept.</summary>
    public static long? BegunAt(HttpContext http) => http.Items[VisitKey] is Visit visit ? visit.Begun : null;

    /// <summary>"hit" for a kept answer, "miss" for one rendered now that may be kept; null for one that never is.</summary>
    public static string? StatusOf(HttpContext http) =>
        http.Items[VisitKey] is Visit visit ? visit.FromCache ? "hit" : MayKeep(http) ? "miss" : null : null;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var shared = MayShare(http.Request);
        context.EnableOutputCaching = shared;
        context.AllowCacheLookup = shared;
        context.AllowCacheStorage = shared;
        // Locking makes readers who ask while a page renders wait and share its result; but a page
        // begun before a change would then reach readers who asked after it.
        context.AllowLocking = false;
        if (!shared)
            return ValueTask.CompletedTask;

        http.Items[VisitKey] = new Visit(ledger.Count);
        context.Tags.Add(CacheTags.Everything);
        context.CacheVaryByRules.QueryKeys = IsApi(http.Request) ? "*" : IsSearch(http.Request) ? SearchKeys : "page";
        // The stored bytes are compressed (the cache sits outside compression), so each encoding is a copy of its own.
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        // The site's clock decides the window (tests move it); copies of an earlier window are never found again.
        var now = clock.GetUtcNow().UtcTicks;
        var window = now / options.Window.Ticks;
        context.CacheVaryByRules.VaryByValues["window"] = window.ToString(CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = TimeSpan.FromTicks((window + 1) * options.Window.Ticks - now);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (context.HttpContext.Items[VisitKey] is Visit visit)
            visit.FromCache = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (!MayKeep(context.HttpContext))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the answer, as it stands, is the same for every reader.</summary>
    private static bool MayKeep(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status200OK
        && StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
        && PageCache.IsMarkedShared(http)
        && !IsPrivate(http.Response.Headers.CacheControl);

    /// <summary>Whether a kept copy may answer this request, and its answer be kept: the same for every reader.</summary>
    internal static bool MayShare(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && StringValues.IsNullOrEmpty(request.Headers.Authorization)
        && !request.Cookies.ContainsKey(AdminSetup.CookieName)
        && !NeverShared.Any(prefix => request.Path.StartsWithSegments(prefix))
        && !Api.AcceptsJson.Refuses(request)
        && (IsApi(request) || request.Query.Keys.All(key => string.Equals(key, "page", StringComparison.OrdinalIgnoreCase)
            || (IsSearch(request) && SearchKeys.Contains(key, StringComparer.OrdinalIgnoreCase))));

    /// <summary>
    /// The JSON API's addresses: each query is a copy of its own. The API answers a parameter it does not
    /// take with a 400, which is never kept, so only the queries it understands take room.
    /// </summary>
    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Api.ApiProblems.PathPrefix);

    /// <summary>/{lang}/search: the only address whose query makes the page; each query is a copy of its own.</summary>
    private static bool IsSearch(HttpRequest request) =>
        request.Path.Value is { } path && path.EndsWith("/search", StringComparison.Ordinal) && path.Count(c => c == '/') == 2;

    private static bool IsPrivate(StringValues cacheControl) =>
        HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.PrivateString)
        || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoStoreString);

    /// <summary>One request's dealings with the cache.</summary>
    private sealed class Visit(long begun)
    {
        public long Begun { get; } = begun;
        public bool FromCache { get; set; }
    }
}
