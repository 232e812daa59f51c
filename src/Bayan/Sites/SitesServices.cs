using Bayan.Changes;
using Bayan.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Sites;

public static class SitesServices
{
    public static IServiceCollection AddSites(this IServiceCollection services) =>
        services.AddScoped<UpdateSiteDates>()
            .AddScoped<UpdateSiteSettings>();

    /// <summary>
    /// What public reads keep between changes: the site snapshot every page stands on, and the figures
    /// about visible releases that listings, feeds and sitemaps ask for again and again. Both listen for changes.
    /// </summary>
    public static IServiceCollection AddSiteReads(this IServiceCollection services) =>
        services.AddScoped<SiteReader>()
            .AddSingleton<SiteSnapshots>()
            .AddSingleton<IContentChangeListener>(s => s.GetRequiredService<SiteSnapshots>())
            .AddSingleton<ReleaseFacts>()
            .AddSingleton<IContentChangeListener>(s => s.GetRequiredService<ReleaseFacts>());
}
