using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Navigation;

public static class ManagementServices
{
    /// <summary>The administrators' operations on categories, tags, menus, link lists and static pages.</summary>
    public static IServiceCollection AddManagement(this IServiceCollection services) =>
        services.AddScoped<ManageNavigation>()
            .AddScoped<Categories.ManageCategories>()
            .AddScoped<Tags.ManageTags>()
            .AddScoped<Pages.ManagePages>();
}
