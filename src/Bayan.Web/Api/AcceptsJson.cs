using Bayan.Operations;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Api;

/// <summary>
/// The API answers JSON only: a client whose Accept header admits no JSON (text/html alone, say) gets
/// 406 with a problem saying so, rather than a body it said it cannot read. No Accept header means any.
/// </summary>
internal static class AcceptsJson
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Admits(http.Request))
            return await next(context);
        return ApiProblems.Of(http, StatusCodes.Status406NotAcceptable, new Problem("api_detail_406"));
    }

    /// <summary>
    /// Whether this is a request to /api/v1 that the API answers with a 406. The caches ask: a kept answer
    /// is served only to a request that could have had it from the endpoint.
    /// </summary>
    public static bool Refuses(HttpRequest request) =>
        request.Headers.Accept.Count > 0 && request.Path.StartsWithSegments(ApiSetup.V1) && !Admits(request);

    /// <summary>Whether the request's Accept header admits JSON (no header admits anything).</summary>
    public static bool Admits(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0)
            return true;
        var accepted = request.GetTypedHeaders().Accept;
        return accepted.Count == 0 || accepted.Any(range => range.Quality is not 0 && Json.IsSubsetOf(range));
    }
}
