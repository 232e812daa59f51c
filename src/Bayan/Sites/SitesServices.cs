using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Sites;

public static class SitesServices
{
    public static IServiceCollection AddSites(this IServiceCollection services) =>
        services.AddScoped<UpdateSiteDates>()
            .AddScoped<UpdateSiteSettings>();
}
