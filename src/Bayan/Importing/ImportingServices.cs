using Bayan.Importing.WordPress;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Importing;

internal static class ImportingServices
{
    public static IServiceCollection AddImporting(this IServiceCollection services) =>
        services.AddScoped<ImportOperations>()
            .AddScoped<ImportWordPress>()
            .AddScoped<K2.ImportK2>();
}
