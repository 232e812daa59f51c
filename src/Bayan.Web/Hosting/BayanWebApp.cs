using Bayan.Data;
using Bayan.Media;
using Bayan.Web.Admin;
using Bayan.Web.Api;
using Bayan.Web.Api.Tokens;
using Bayan.Web.Caching;
using Bayan.Web.Cli;
using Bayan.Web.Errors;
using Bayan.Web.Health;
using Bayan.Web.Importing;
using Bayan.Web.PublicSite;
using Bayan.Web.Redirects;
using Bayan.Web.ScaleOut;
using Bayan.Web.Security;
using Bayan.Webhooks;

namespace Bayan.Web.Hosting;

/// <summary>The composition root: serving, every command and the tests build the application here.</summary>
public static class BayanWebApp
{
    /// <param name="adjust">For tests: changes to the services before the application is built (e.g. a manual clock).</param>
    public static WebApplication Build(BayanArgs args, Action<WebApplicationBuilder>? adjust = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Raw,
            // appsettings.json and the default theme sit beside the program, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            // Razor Pages are found in the application's assembly; name it, since tests host it from theirs.
            ApplicationName = typeof(BayanWebApp).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(args.Settings);

        var options = builder.Configuration.ReadBayanOptions();
        // Checked before anything is built on them: the media files are served from the data folder.
        DatabaseStartup.PrepareFolders(options);
        // Every operation and query of the library; what follows is only the web's.
        builder.Services.AddBayan(options, builder.Configuration);
        builder.AddThemes(options);
        builder.AddPublicSite();
        builder.AddAdmin(options);
        builder.AddImportUploads();
        builder.AddApi();
        builder.AddTokenApi();
        builder.AddHealth();
        builder.AddCompressionAndValidation();
        builder.AddScaleOut();
        builder.AddPageCache();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.AddSecurityHeadersToRefusals();
            // Room for the largest upload (a 30 MB PDF) and its form; StoreUpload enforces the real limits.
            kestrel.Limits.MaxRequestBodySize = 32 * MediaOptions.Megabyte;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = 32 * MediaOptions.Megabyte);
        adjust?.Invoke(builder);

        var app = builder.Build();
        // Until Bayan:PublicUrl is given, webhooks link to the address the server listens on.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Urls.FirstOrDefault() is { } listening)
                app.Services.GetRequiredService<WebhookOrigin>().Listening(listening);
        });
        app.UseFrontDoor();
        app.UseSecurityHeaders();
        app.UsePageCache();
        app.UseCompressionAndValidation();
        app.UseErrorPages();
        app.UseOldAddresses();
        app.MapThemeAssets();
        // Routing after the static files: otherwise /theme/site.css would match /{lang}/{office}/ first.
        app.MapAdminAssets();
        app.MapMediaFiles(options);
        app.UseRouting();
        app.UseAdmin();
        app.UseRateLimiter();
        app.UseTokenApi();
        app.MapHealth();
        app.MapApi();
        app.MapAdmin();
        app.MapImportStatus();
        app.MapPublicSite();
        return app;
    }

    /// <summary>Checks the data folder and migrates the database; a StartupException names what to fix.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        await DatabaseStartup.PrepareAsync(app.Services.GetRequiredService<BayanOptions>(), db, ct, app.Logger);
    }
}
