using Microsoft.AspNetCore.ResponseCompression;

namespace Bayan.Web.Caching;

internal static class CachingSetup
{
    /// <summary>Brotli and gzip for every text Bayan sends: pages, feeds, style sheets, scripts.</summary>
    public static void AddCompressionAndValidation(this WebApplicationBuilder builder) =>
        builder.Services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/atom+xml", "application/rss+xml", "application/feed+json", "image/svg+xml"]);
        });

    public static void UseCompressionAndValidation(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseMiddleware<ConditionalGet>();
    }
}
