using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Editing;

public static class EditingServices
{
    /// <summary>Writing releases: new ones, their texts and details, held edits, restored revisions.</summary>
    public static IServiceCollection AddEditing(this IServiceCollection services) =>
        services.AddScoped<CreateRelease>()
            .AddScoped<CreateReleases>()
            .AddScoped<SaveVersion>()
            .AddScoped<RestoreRevision>()
            .AddScoped<UpdateReleaseDetails>()
            .AddScoped<ReviewHeldEdits>();
}
