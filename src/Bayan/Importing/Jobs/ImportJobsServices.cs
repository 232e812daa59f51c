using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Importing.Jobs;

internal static class ImportJobsServices
{
    /// <summary>Imports run in the background (the back office's upload): their state, as every node sees it.</summary>
    public static IServiceCollection AddImportJobs(this IServiceCollection services) =>
        services.AddScoped<StartImportJob>()
            .AddScoped<RecordImportProgress>()
            .AddScoped<FinishImportJob>()
            .AddScoped<ImportJobQueries>();
}
