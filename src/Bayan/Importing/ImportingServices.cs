using Bayan.Importing.WordPress;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Importing;

internal static class ImportingServices
{
    public static IServiceCollection AddImporting(this IServiceCollection services) =>
        services.AddScoped<ImportBatch>()
            .AddScoped(s => ImportOperations.Of(s.GetRequiredService<ImportBatch>()))
            .AddScoped<ImportWordPress>()
            .AddScoped<K2.ImportK2>();
}
