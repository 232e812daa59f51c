using Bayan.Accounts;
using Bayan.Archives;
using Bayan.Audit;
using Bayan.Backup;
using Bayan.Categories;
using Bayan.Checking;
using Bayan.Changes;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Demo;
using Bayan.Editing;
using Bayan.Embargo;
using Bayan.Exporting;
using Bayan.Feeds;
using Bayan.Importing;
using Bayan.Importing.Jobs;
using Bayan.Media;
using Bayan.Navigation;
using Bayan.Offices;
using Bayan.Pages;
using Bayan.Publishing;
using Bayan.Redirects;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Sitemaps;
using Bayan.Sites;
using Bayan.Tags;
using Bayan.Tokens;
using Bayan.Webhooks;
using Microsoft.Extensions.Configuration;
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
    /// <param name="configuration">For the settings of features that read their own section (Bayan:Webhooks).</param>
    public static IServiceCollection AddBayan(this IServiceCollection services, BayanOptions options, IConfiguration configuration)
    {
        // A client that moves time itself (tests, a bake at a given instant) registers its own clock.
        services.TryAddSingleton(TimeProvider.System);
        services.AddBayanData(options);
        services.AddSites();
        services.AddOffices();
        services.AddContentChanges();
        services.AddSiteReads();
        services.AddPublishing();
        services.AddSearch();
        services.AddMedia(options);
        services.AddComments();
        services.AddAccounts();
        services.AddTokens();
        services.AddEditing();
        services.AddManagement();
        services.AddScoped<EmbargoLinks>();
        services.AddScoped<DemoSite>();
        services.AddImporting();
        services.AddRedirects();
        services.AddImportJobs();
        services.AddWebhooks(options, configuration);
        services.AddExporting();
        services.AddBackup();
        services.AddChecking();
        services.AddPublicQueries();
        services.AddBackOfficeQueries();
        return services;
    }

    /// <summary>What the back office and the command line read: the stored settings, releases of every status, accounts, the log.</summary>
    private static IServiceCollection AddBackOfficeQueries(this IServiceCollection services) =>
        services.AddScoped<SiteQueries>()
            .AddScoped<EditingQueries>()
            .AddScoped<MediaQueries>()
            .AddScoped<UserQueries>()
            .AddScoped<AuditQueries>()
            .AddScoped<NavigationQueries>()
            .AddScoped<FilingQueries>();

    /// <summary>What readers see, read as every public surface reads it (pages, the API, feeds, sitemaps, a static copy).</summary>
    private static IServiceCollection AddPublicQueries(this IServiceCollection services) =>
        services.AddScoped<HomeQueries>()
            .AddScoped<ReleaseListQuery>()
            .AddScoped<PublicReleaseQuery>()
            .AddScoped<OfficeQueries>()
            .AddScoped<CategoryQueries>()
            .AddScoped<TagQueries>()
            .AddScoped<PageQueries>()
            .AddScoped<ArchiveQueries>()
            .AddScoped<FeedQueries>()
            .AddScoped<SitemapQueries>()
            .AddScoped<CommentQueries>();
}
