using System.IO.Hashing;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Caching;

/// <summary>
/// Public answers carry an ETag made from their bytes, and a reader who already has them gets 304
/// Not Modified; answers that say when they last changed (Last-Modified) also answer If-Modified-Since.
/// Answers that set a cookie (a form's antiforgery token) are personal and left alone, as is the back office.
/// </summary>
internal sealed class ConditionalGet(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.Request.Path.StartsWithSegments("/admin"))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new PooledBufferStream();
        http.Response.Body = buffer;
        // A HEAD answer must carry the validators of its GET, but file results (feeds, sitemaps) write no
        // body for HEAD, which would give every HEAD the ETag of zero bytes. So the answer is made as for
        // GET; Kestrel still sends no body to a HEAD request.
        var head = HttpMethods.IsHead(http.Request.Method);
        if (head)
            http.Request.Method = HttpMethods.Get;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
            if (head)
                http.Request.Method = HttpMethods.Head;
        }

        var response = http.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            if (string.IsNullOrEmpty(response.Headers.ETag))
                // Weak: the same page may travel compressed in different ways. A 128-bit XxHash tells two
                // answers apart as surely as the first half of a SHA-256 for this use (no one forges a
                // page to collide with another reader's copy) at a small part of its cost.
                response.Headers.ETag = $"W/\"{XxHash128.HashToUInt128(buffer.Written.Span):x32}\"";
            if (NotModified(http.Request, response))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.Remove(HeaderNames.ContentType);
                return;
            }
        }
        await original.WriteAsync(buffer.Written, http.RequestAborted);
    }

    /// <summary>
    /// If-None-Match when the reader sends it; otherwise If-Modified-Since, for answers that say when
    /// they last changed (feeds). RFC 9110 13.2.2: a recipient ignores If-Modified-Since beside If-None-Match.
    /// </summary>
    private static bool NotModified(HttpRequest request, HttpResponse response)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
            return Matches(request.Headers.IfNoneMatch, response.Headers.ETag!);
        var since = request.GetTypedHeaders().IfModifiedSince;
        var changed = response.GetTypedHeaders().LastModified;
        // HTTP dates have whole seconds, so the comparison does too.
        return since is not null && changed is not null && changed.Value.ToUnixTimeSeconds() <= since.Value.ToUnixTimeSeconds();
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2): the W/ prefix does not count.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Any(value => value is not null
            && value.Split(',').Select(t => t.Trim()).Any(tag => tag == "*" || Opaque(tag) == Opaque(etag)));

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
