using Bayan.Web.Caching;

namespace Bayan.Web.PublicSite;

internal static class PublicSiteSetup
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void AddPublicSite(this WebApplicationBuilder builder)
    {
        // Alone, this node hears every change as it is saved; among several (Redis set), a moment late.
        var alone = Bayan.Web.ScaleOut.RedisSettings.Read(builder.Configuration) is null;
        builder.Services.AddSingleton(_ => new ReleaseCopies(keeps: alone));
        builder.Services.AddSingleton<Bayan.Changes.IContentChangeListener>(services => services.GetRequiredService<ReleaseCopies>());
        builder.Services.AddSingleton(_ => new Api.Content.ReleaseListCopies(keeps: alone));
        builder.Services.AddSingleton<Bayan.Changes.IContentChangeListener>(services => services.GetRequiredService<Api.Content.ReleaseListCopies>());
        builder.Services.AddSingleton<LayoutParts>();
        builder.Services.AddScoped<PageRenderer>();
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per address: a reader may post a few comments in ten minutes; a flood gets a clear page.
            var perAddress = builder.Configuration.GetValue("Bayan:Comments:PerAddress", 5);
            limits.AddPolicy(CommentsEndpoint.RateLimitPolicy, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(10) }));
            // Searching costs the database more than reading a page: a reader's pace is welcome, a robot's is not.
            var searches = builder.Configuration.GetValue("Bayan:Search:PerAddress", 60);
            limits.AddPolicy(SearchPage.RateLimitPolicy, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = searches, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    /// <summary>The public URLs of DESIGN.md; literal segments (category, tag, pages, feed.atom) win over office codes.</summary>
    public static void MapPublicSite(this WebApplication app)
    {
        // Reader-specific or private: the language redirect (and the empty site's page), embargo previews, comment posts.
        app.MapMethods("/", GetAndHead, RootPage.HandleAsync);
        app.MapMethods("/embargo/{token}", GetAndHead, EmbargoPage.HandleAsync);
        app.MapPost("/{lang}/{office}/{id:int}/{slug}/comments", CommentsEndpoint.HandleAsync)
            .RequireRateLimiting(CommentsEndpoint.RateLimitPolicy)
            .DisableAntiforgery();
        app.MapGet(CommentsEndpoint.TokenPath, CommentsEndpoint.Token);

        // The same for every reader: kept in the shared cache until what they show changes.
        var shared = app.MapGroup("").SharedWithEveryone();
        shared.MapSitemaps(GetAndHead);
        shared.MapFeeds(GetAndHead);
        shared.MapMethods("/{lang}/", GetAndHead, HomePage.HandleAsync);
        shared.MapMethods("/{lang}/category/{slug}/", GetAndHead, TaxonomyPages.CategoryAsync);
        shared.MapMethods("/{lang}/tag/{slug}/", GetAndHead, TaxonomyPages.TagAsync);
        shared.MapMethods("/{lang}/pages/{slug}", GetAndHead, StaticPages.HandleAsync);
        // A kept answer to a search is served before the limit per address counts: it costs nothing.
        shared.MapMethods("/{lang}/search", GetAndHead, SearchPage.HandleAsync).RequireRateLimiting(SearchPage.RateLimitPolicy);
        shared.MapMethods("/{lang}/archive/", GetAndHead, ArchivePages.SiteIndexAsync);
        shared.MapMethods("/{lang}/archive/{year}/{month}/", GetAndHead, ArchivePages.SiteMonthAsync);
        shared.MapMethods("/{lang}/archive/hijri/{year}/{month}/", GetAndHead, ArchivePages.SiteHijriMonthAsync);
        shared.MapMethods("/{lang}/{office}/archive/", GetAndHead, ArchivePages.OfficeIndexAsync);
        shared.MapMethods("/{lang}/{office}/archive/{year}/{month}/", GetAndHead, ArchivePages.OfficeMonthAsync);
        shared.MapMethods("/{lang}/{office}/archive/hijri/{year}/{month}/", GetAndHead, ArchivePages.OfficeHijriMonthAsync);
        shared.MapMethods("/{lang}/{office}/", GetAndHead, OfficePage.HandleAsync);
        shared.MapMethods("/{lang}/{office}/{id:int}/{slug?}", GetAndHead, ReleasePage.HandleAsync);
    }
}
