using Bayan.Changes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.OutputCaching;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// Several identical nodes behind a proxy share one PostgreSQL and one Redis (ConnectionStrings:Redis):
/// the output cache lives in Redis, content changes are published there so every node drops its
/// copies, and the data-protection keys are kept there so a sign-in or a form token made on one node
/// holds on all. Without Redis nothing here is registered and Bayan is one node, as always.
/// </summary>
internal static class ScaleOutSetup
{
    /// <summary>Call before AddPageCache, which wraps the page store registered here.</summary>
    public static void AddScaleOut(this WebApplicationBuilder builder)
    {
        if (RedisSettings.Read(builder.Configuration) is not { } redis)
        {
            // One node: other processes' changes reach it through the database's change count.
            builder.Services.AddSingleton<ChangeCountWatch>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<ChangeCountWatch>());
            return;
        }
        var prefix = RedisSettings.ReadPrefix(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(provider => new RedisLink(redis, prefix, provider.GetRequiredService<ILogger<RedisLink>>()));

        services.AddSingleton(provider =>
        {
            var link = provider.GetRequiredService<RedisLink>();
            // ASP.NET Core's Redis store, built on the side: it is registered only as the one store there is.
            var shared = new ServiceCollection().AddOptions()
                .AddSingleton(provider.GetRequiredService<ILoggerFactory>())
                .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
                .AddStackExchangeRedisOutputCache(redisCache =>
                {
                    redisCache.InstanceName = link.PagePrefix;
                    redisCache.ConnectionMultiplexerFactory = () => Task.FromResult(link.Multiplexer);
                })
                .BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
            return new FailoverPageStore(link, shared, LocalStore(), provider.GetRequiredService<ILogger<FailoverPageStore>>());
        });
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<FailoverPageStore>());

        services.AddSingleton<ChangeSubscriber>();
        services.AddSingleton<RedisWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<RedisWatch>());
        services.AddScoped<IContentChangeListener, ChangeFanOut>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");

        // The keys' application name is set for every deployment in KeyProtection; here they move to Redis.
        services.AddOptions<KeyManagementOptions>().Configure<RedisLink>((keys, link) =>
            keys.XmlRepository = new RedisXmlRepository(() => link.Multiplexer.GetDatabase(), link.KeyRing));
    }

    /// <summary>ASP.NET Core's own memory store (size-limited, evicts by tag) for the times Redis is away.</summary>
    private static IOutputCacheStore LocalStore() =>
        new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
}
