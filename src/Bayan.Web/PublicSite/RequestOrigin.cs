using Bayan.Data;

namespace Bayan.Web.PublicSite;

public static class RequestOrigin
{
    /// <summary>
    /// What absolute links of an answer begin with: the configured public address (Bayan:PublicUrl),
    /// else the scheme and host the request came by. Behind a proxy the request's own may be an inner one.
    /// </summary>
    public static string Of(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<BayanOptions>().PublicOrigin ?? $"{request.Scheme}://{request.Host}";
}
