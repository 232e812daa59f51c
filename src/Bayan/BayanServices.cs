using Bayan.Accounts;
using Bayan.Changes;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Demo;
using Bayan.Editing;
using Bayan.Embargo;
using Bayan.Media;
using Bayan.Navigation;
using Bayan.Offices;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Sites;
using Bayan.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bayan;

/// <summary>
/// The library's face in one call: every operation and query Bayan has, for any client (the web
/// application, the command line, an importer, a static copy of the site). Each client adds only its
/// own concerns around it (HTTP, cookies, caches of answers, its surface).
/// </summary>
/// <remarks>
/// At the library's root, not in a feature folder: it is the table of contents of all of them, as
/// Program.cs is of the web application.
/// </remarks>
public static class BayanServices
{
    public static IServiceCollection AddBayan(this IServiceCollection services, BayanOptions options)
    {
        // A client that moves time itself (tests, a bake at a given instant) registers its own clock.
        services.TryAddSingleton(TimeProvider.System);
        services.AddBayanData(options);
        services.AddSites();
        services.AddOffices();
        services.AddContentChanges();
        services.AddPublishing();
        services.AddSearch();
        services.AddPublicReads();
        services.AddMedia(options);
        services.AddComments();
        services.AddAccounts();
        services.AddTokens();
        services.AddEditing();
        services.AddManagement();
        services.AddScoped<EmbargoLinks>();
        services.AddScoped<DemoSite>();
        return services;
    }
}
