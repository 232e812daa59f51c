using System.IO.Compression;
using Bayan.Web.Caching;
using Microsoft.Extensions.FileProviders;

namespace Bayan.Web.Api.Docs;

/// <summary>
/// /api/docs: the interactive reference of the API, drawn in the browser by Scalar from the OpenAPI
/// document, with every file served by Bayan itself: Scalar's script from its package, no fonts, no CDN,
/// nothing asked of another host. The page is Bayan's own rather than the package's, whose inline script
/// the site's Content-Security-Policy (no inline scripts) would stop.
/// </summary>
internal static class ApiDocs
{
    public const string Path = "/api/docs";
    private const string ScriptPath = Path + "/scalar.js";
    private const string StartPath = Path + "/reference.js";

    // Scalar's own page sets its styles from script: style-src needs 'unsafe-inline' on this page alone.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string Page = $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Bayan API v1</title>
        </head>
        <body>
        <div id="app"></div>
        <script type="module" src="{{ScriptPath}}"></script>
        <script type="module" src="{{StartPath}}"></script>
        </body>
        </html>
        """;

    // Fonts stay off (they would come from Scalar's servers), and so do the "Ask AI" agent and telemetry;
    // the page's connect-src 'self' keeps any other request from leaving anyway.
    private static readonly string Start = $$"""
        // Bayan's API reference: this site's OpenAPI document, drawn by Scalar, nothing fetched from elsewhere.
        window.Scalar.createApiReference('#app', {
          url: '{{ApiSetup.DocumentPath}}',
          withDefaultFonts: false,
          hideClientButton: true,
          showDeveloperTools: 'never',
          telemetry: false,
          agent: { disabled: true },
          documentDownloadType: 'json',
          persistAuth: false
        })
        """;

    private static readonly Lazy<byte[]> Script = new(ReadScript);

    public static void MapApiDocs(this IEndpointRouteBuilder app)
    {
        var docs = app.MapGroup(Path).ExcludeFromDescription().SharedWithEveryone();
        docs.MapGet("", (HttpContext http) => Send(http, Page, "text/html; charset=utf-8"));
        docs.MapGet("/reference.js", (HttpContext http) => Send(http, Start, "text/javascript; charset=utf-8"));
        docs.MapGet("/scalar.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(Script.Value, "text/javascript; charset=utf-8");
        });
    }

    private static IResult Send(HttpContext http, string text, string contentType)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(text, contentType);
    }

    /// <summary>Scalar's standalone script as its package embeds it (compressed in its release builds).</summary>
    private static byte[] ReadScript()
    {
        var files = new EmbeddedFileProvider(typeof(Scalar.AspNetCore.ScalarOptions).Assembly, "ScalarStaticAssets");
        var file = files.GetFileInfo("scalar.js");
        if (!file.Exists)
            throw new InvalidOperationException("Scalar.AspNetCore no longer embeds scalar.js where Bayan looks for it.");
        using var stream = file.CreateReadStream();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var read = bytes.ToArray();
        // gzip's magic number: the package keeps the file compressed.
        if (read is [0x1f, 0x8b, ..])
        {
            using var unzip = new GZipStream(new MemoryStream(read), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            unzip.CopyTo(plain);
            return plain.ToArray();
        }
        return read;
    }
}
