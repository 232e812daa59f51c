using System.Globalization;
using Bayan.Web.Admin;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Caching;

/// <summary>
/// The first middleware: a page the output cache has already served once from its copy is served
/// from here after that, as the same bytes and headers, without the policy, the key building, the
/// store or any header callbacks; everything else goes on down the pipeline. Only what the output
/// cache would serve is served: a plain GET or HEAD without credentials, per address and encoding;
/// If-None-Match is answered here with a 304 as the output cache would; If-Modified-Since alone
/// goes on to the output cache.
/// </summary>
internal sealed class FrontDoor(RequestDelegate next, FrontCopies copies, GuardedStore store, TimeProvider clock)
{
    // No page is near this; a larger answer is left to the output cache alone.
    private const int Largest = 1024 * 1024;

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var head = HttpMethods.IsHead(request.Method);
        if (!(head || HttpMethods.IsGet(request.Method))
            || !StringValues.IsNullOrEmpty(request.Headers.Authorization)
            || (request.Headers.Cookie.Count > 0 && request.Cookies.ContainsKey(AdminSetup.CookieName))
            // The API answers a client that takes no JSON with a 406, not with a kept copy.
            || Api.AcceptsJson.Refuses(request))
            return next(http);

        var validating = request.Headers.IfNoneMatch.Count > 0;
        if (!validating && request.Headers.IfModifiedSince.Count > 0)
            return next(http);

        var table = copies.Now();
        var key = KeyOf(request);
        if (table.TryGet(key, out var copy))
            return ServeAsync(http.Response, copy, head, validating && NotModified(request.Headers.IfNoneMatch, copy.ETag));
        // Only a plain GET shows the whole answer: a HEAD has no body, a validated one may be a 304.
        if (head || validating || !SharedPagePolicy.MayShare(request))
            return next(http);
        return TakeCopyAsync(http, table, key);
    }

    /// <summary>What the output cache's key varies by: the address with its query, and the encoding asked for.</summary>
    private static string KeyOf(HttpRequest request)
    {
        var encodings = request.Headers.AcceptEncoding;
        return string.Concat([request.Scheme, "://", request.Host.Value, request.Path.Value, request.QueryString.Value, "\n",
            encodings.Count == 1 ? encodings[0] : string.Join(",", encodings.ToArray())]);
    }

    private Task ServeAsync(HttpResponse response, FrontCopy copy, bool head, bool notModified)
    {
        var headers = response.Headers;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var (name, value) in copy.NotModifiedHeaders)
                headers[name] = value;
            return Task.CompletedTask;
        }
        foreach (var (name, value) in copy.Headers)
            headers[name] = value;
        var age = (clock.GetUtcNow() - copy.Stored).Ticks / TimeSpan.TicksPerSecond;
        headers.Age = age <= 0 ? "0" : age.ToString(CultureInfo.InvariantCulture);
        response.ContentLength = copy.Body.Length;
        if (head)
            return Task.CompletedTask;
        var writing = response.BodyWriter.WriteAsync(copy.Body);
        return writing.IsCompletedSuccessfully ? Task.CompletedTask : writing.AsTask();
    }

    /// <summary>Sends the answer on as usual and keeps it when the output cache served it from its copy.</summary>
    private async Task TakeCopyAsync(HttpContext http, FrontCopies.Table table, string key)
    {
        var response = http.Response;
        var original = response.Body;
        response.Body = new CopyingStream(original, response, WorthKeeping,
            body => table.Keep(key, FrontCopy.Of(response, body, clock.GetUtcNow())));
        try
        {
            await next(http);
        }
        finally
        {
            response.Body = original;
        }
    }

    private bool WorthKeeping(HttpResponse response) =>
        !store.KeepsBriefly
        && response.StatusCode == StatusCodes.Status200OK
        && response.Headers[SharedPagePolicy.StatusHeader] == "hit"
        && StringValues.IsNullOrEmpty(response.Headers.SetCookie)
        && response.ContentLength <= Largest;

    /// <summary>As the output cache compares (RFC 9110 13.1.2): "*", or any tag equal to the page's, weakly.</summary>
    private static bool NotModified(StringValues ifNoneMatch, EntityTagHeaderValue? etag)
    {
        if (ifNoneMatch.Count == 1 && StringSegment.Equals(ifNoneMatch[0], EntityTagHeaderValue.Any.Tag, StringComparison.OrdinalIgnoreCase))
            return true;
        if (etag is null || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            return false;
        foreach (var tag in tags)
        {
            if (etag.Compare(tag, useStrongComparison: false))
                return true;
        }
        return false;
    }
}
