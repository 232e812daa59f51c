using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Checking;

public static class CheckingServices
{
    public static IServiceCollection AddChecking(this IServiceCollection services) =>
        services.AddScoped<CheckSite>();
}
