using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Backup;

public static class BackupServices
{
    public static IServiceCollection AddBackup(this IServiceCollection services) =>
        services.AddScoped<TakeBackup>()
            .AddScoped<RestoreSite>()
            .AddScoped<BackupQueries>();
}
