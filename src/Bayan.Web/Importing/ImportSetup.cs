using Bayan.Importing.Jobs;
using Bayan.Sites;
using Bayan.Web.Admin;
using Bayan.Web.Areas.Admin.Pages.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bayan.Web.Importing;

/// <summary>Imports from the back office: the upload's own size limit, the worker that runs them, and the status their page polls.</summary>
internal static class ImportSetup
{
    public static void AddImportUploads(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportUploadOptions>().BindConfiguration(ImportUploadOptions.Section)
            .Validate(o => o.MaxUploadMegabytes > 0, "Bayan:Import:MaxUploadMegabytes must be a positive number of megabytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ImportJobQueue>();
        builder.Services.AddSingleton<ImportJobWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ImportJobWorker>());
    }

    /// <summary>/admin/import/{id}/status: the job in the reader's words, for the progress page's script; administrators only.</summary>
    public static void MapImportStatus(this WebApplication app) =>
        app.MapGet("/admin/import/{id:int}/status", StatusAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<Results<Ok<ImportJobView>, NotFound, ForbidHttpResult>> StatusAsync(
        int id, CurrentActor current, ImportJobQueries jobs, SiteQueries sites, AdminText text, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return TypedResults.Forbid();
        if (await jobs.FindAsync(id, ct) is not { } job)
            return TypedResults.NotFound();
        return TypedResults.Ok(ImportJobView.From(job, text, await sites.ClockAsync(text.Language, ct)));
    }
}
