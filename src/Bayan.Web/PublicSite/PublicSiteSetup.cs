namespace Bayan.Web.PublicSite;

internal static class PublicSiteSetup
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SiteReader>();
        builder.Services.AddScoped<NavigationReader>();
        builder.Services.AddScoped<PageRenderer>();
        builder.Services.AddScoped<Bayan.Embargo.EmbargoLinks>();
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
        app.MapMethods("/", GetAndHead, RootPage.HandleAsync);
        app.MapMethods("/embargo/{token}", GetAndHead, EmbargoPage.HandleAsync);
        app.MapSitemaps(GetAndHead);
        app.MapFeeds(GetAndHead);
        app.MapMethods("/{lang}/", GetAndHead, HomePage.HandleAsync);
        app.MapMethods("/{lang}/category/{slug}/", GetAndHead, TaxonomyPages.CategoryAsync);
        app.MapMethods("/{lang}/tag/{slug}/", GetAndHead, TaxonomyPages.TagAsync);
        app.MapMethods("/{lang}/pages/{slug}", GetAndHead, StaticPages.HandleAsync);
        app.MapMethods("/{lang}/search", GetAndHead, SearchPage.HandleAsync).RequireRateLimiting(SearchPage.RateLimitPolicy);
        app.MapMethods("/{lang}/archive/", GetAndHead, ArchivePages.SiteIndexAsync);
        app.MapMethods("/{lang}/archive/{year}/{month}/", GetAndHead, ArchivePages.SiteMonthAsync);
        app.MapMethods("/{lang}/archive/hijri/{year}/{month}/", GetAndHead, ArchivePages.SiteHijriMonthAsync);
        app.MapMethods("/{lang}/{office}/archive/", GetAndHead, ArchivePages.OfficeIndexAsync);
        app.MapMethods("/{lang}/{office}/archive/{year}/{month}/", GetAndHead, ArchivePages.OfficeMonthAsync);
        app.MapMethods("/{lang}/{office}/archive/hijri/{year}/{month}/", GetAndHead, ArchivePages.OfficeHijriMonthAsync);
        app.MapMethods("/{lang}/{office}/", GetAndHead, OfficePage.HandleAsync);
        app.MapMethods("/{lang}/{office}/{id:int}/{slug?}", GetAndHead, ReleasePage.HandleAsync);
        app.MapPost("/{lang}/{office}/{id:int}/{slug}/comments", CommentsEndpoint.HandleAsync)
            .RequireRateLimiting(CommentsEndpoint.RateLimitPolicy);
    }
}
