using Bayan.Changes;
using Bayan.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bayan.Webhooks;

public static class WebhooksServices
{
    /// <summary>Events written by the write operations, the back office's operations and reads, and the sender that runs on every node.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, BayanOptions bayan, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        var options = new WebhookOptions();
        try
        {
            configuration.GetSection(WebhookOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"A Bayan:Webhooks setting has a value it cannot take ({e.InnerException?.Message ?? e.Message}).", e);
        }
        if (options.Problems().FirstOrDefault() is { } problem)
            throw new StartupException(problem);
        services.AddSingleton(new WebhookOrigin(bayan.PublicOrigin));
        services.AddSingleton<WebhookWake>();
        services.AddSingleton<WebhookHttp>();
        // Secrets are kept encrypted; where the keys live (the data folder, Redis) is the application's choice.
        services.AddDataProtection();
        services.AddSingleton<WebhookSecretVault>();
        services.AddHostedService<ProtectPlainSecrets>();
        services.AddScoped<IContentChangeListener, WakeOnChange>();
        services.AddScoped<WebhookEvents>();
        services.AddScoped<ManageWebhooks>();
        services.AddScoped<WebhookQueries>();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
