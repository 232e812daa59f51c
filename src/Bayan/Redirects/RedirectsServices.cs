using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Redirects;

public static class RedirectsServices
{
    public static IServiceCollection AddRedirects(this IServiceCollection services) =>
        services.AddScoped<RedirectQueries>()
            .AddScoped<RedirectList>()
            .AddScoped<ManageRedirects>();
}
