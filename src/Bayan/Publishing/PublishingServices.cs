using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Publishing;

public static class PublishingServices
{
    public static IServiceCollection AddPublishing(this IServiceCollection services) =>
        services.AddScoped<PublishRelease>()
            .AddScoped<PublishReleases>()
            .AddScoped<ReleaseWorkflow>()
            .AddHostedService<ScheduledPublisher>();
}
