using Bayan.Data;
using Bayan.Themes;
using Microsoft.Extensions.FileProviders;

namespace Bayan.Web.Hosting;

internal static class ThemeSetup
{
    public const string AssetsPath = "/theme";

    /// <summary>The site's own theme folder first, the default theme for whatever it lacks.</summary>
    public static void AddThemes(this WebApplicationBuilder builder, BayanOptions options)
    {
        var defaultTheme = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Themes", "default"));
        IFileProvider files = defaultTheme;
        if (!string.IsNullOrWhiteSpace(options.Theme))
        {
            var folder = Path.GetFullPath(options.Theme);
            if (!Directory.Exists(folder))
                throw new StartupException($"The theme folder '{folder}' (setting Bayan:Theme, switch --theme) does not exist.");
            files = new CompositeFileProvider(new PhysicalFileProvider(folder), defaultTheme);
        }
        builder.Services.AddSingleton(new ThemeEngine(files));
    }

    /// <summary>Style sheets and images of the theme, under /theme/.</summary>
    public static void MapThemeAssets(this WebApplication app)
    {
        var theme = app.Services.GetRequiredService<ThemeEngine>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new ThemeAssets(theme.Files),
            RequestPath = AssetsPath,
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }

    /// <summary>Only the assets/ folder of a theme is public; its templates are not.</summary>
    private sealed class ThemeAssets(IFileProvider theme) : IFileProvider
    {
        public IDirectoryContents GetDirectoryContents(string subpath) => theme.GetDirectoryContents("assets" + subpath);
        public IFileInfo GetFileInfo(string subpath) => theme.GetFileInfo("assets" + subpath);
        public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => theme.Watch("assets" + filter);
    }
}
