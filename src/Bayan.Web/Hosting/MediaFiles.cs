using Bayan.Data;
using Bayan.Media;
using Microsoft.Extensions.FileProviders;

namespace Bayan.Web.Hosting;

internal static class MediaFiles
{
    /// <summary>
    /// Uploaded files under /media/. Every upload has a folder of its own that never changes, so
    /// browsers and proxies may keep them for a year.
    /// </summary>
    public static void MapMediaFiles(this WebApplication app, BayanOptions options) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            // Dot-folders (uploads still being checked) stay hidden: the provider excludes them.
            FileProvider = new PhysicalFileProvider(options.MediaFolder),
            RequestPath = UploadMedia.UrlPrefix.TrimEnd('/'),
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                // A PDF or an image is never run as a page of the site.
                context.Context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
            },
        });
}
