namespace Bayan.Web.Security;

/// <summary>Headers every answer carries: a strict Content-Security-Policy and the usual hardening.</summary>
internal static class SecurityHeaders
{
    // Pages load only Bayan's own style sheets, scripts and images; uploaded or linked images may be remote.
    private const string Policy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // Media files set a stricter policy of their own.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>The same headers as lines of an answer's head, for the answers Kestrel writes itself (<see cref="KestrelRefusals"/>).</summary>
    public static string AsHeaderLines() =>
        $"Content-Security-Policy: {Policy}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: {ReferrerPolicy}\r\nX-Frame-Options: DENY\r\n";
}
