using Bayan.Changes;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Caching;

/// <summary>
/// The shared cache of public pages, feeds and sitemaps: ASP.NET Core output caching with the
/// <see cref="SharedPagePolicy"/>, tags per page (<see cref="CacheTags"/>) and exact eviction when
/// content changes (<see cref="CacheEviction"/>). Switched off with Bayan:OutputCache:Enabled=false.
/// </summary>
internal static class PageCacheSetup
{
    public static void AddPageCache(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(PageCacheOptions.Read(builder.Configuration));
        services.AddHttpContextAccessor();
        services.AddScoped<IContentChangeListener, CacheEviction>();
        services.AddSingleton<SharedPagePolicy>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<SharedPagePolicy>((cache, policy) =>
        {
            // Release slugs and office codes are case-sensitive: /en/Office/ redirects, /en/office/ is the page.
            cache.UseCaseSensitivePaths = true;
            cache.AddBasePolicy(policy);
        });

        // Whatever store is registered (memory here; a Redis store added before this line for several
        // nodes) is wrapped so that no page rendered before a change is kept after it.
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<EvictionLedger>();
        services.AddSingleton<FrontCopies>();
        services.AddSingleton(provider => new GuardedStore(
            Create(provider, registered), provider.GetRequiredService<EvictionLedger>(), provider.GetRequiredService<IHttpContextAccessor>(),
            provider.GetRequiredService<FrontCopies>()));
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<GuardedStore>());
    }

    /// <summary>
    /// First of all middleware, before the security headers: a page already served from the output
    /// cache is then served as those very bytes and headers (<see cref="FrontDoor"/>).
    /// </summary>
    public static void UseFrontDoor(this WebApplication app)
    {
        if (app.Services.GetRequiredService<PageCacheOptions>().Enabled)
            app.UseMiddleware<FrontDoor>();
    }

    /// <summary>Outside compression, so a kept page is kept compressed and served without any work.</summary>
    public static void UsePageCache(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<PageCacheOptions>().Enabled)
            return;
        app.Use((http, next) =>
        {
            // Set as the answer starts, after the cache took its copy of the headers: a kept copy never says "miss".
            http.Response.OnStarting(() =>
            {
                if (SharedPagePolicy.StatusOf(http) is { } status)
                    http.Response.Headers[SharedPagePolicy.StatusHeader] = status;
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseOutputCache();
    }

    private static IOutputCacheStore Create(IServiceProvider provider, ServiceDescriptor registered) =>
        (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
