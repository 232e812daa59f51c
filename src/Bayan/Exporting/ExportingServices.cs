using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Exporting;

public static class ExportingServices
{
    public static IServiceCollection AddExporting(this IServiceCollection services) =>
        services.AddScoped<ExportWriter>()
            .AddScoped<ImportBayan>();
}
