using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Caching;

/// <summary>One answer as the output cache served it, ready to be written again with as little work as possible.</summary>
internal sealed class FrontCopy
{
    // What a 304 carries of the page, as the output cache sends it (RFC 9110 15.4.5), besides the headers every answer has.
    private static readonly string[] KeptIn304 =
        [HeaderNames.CacheControl, HeaderNames.ContentLocation, HeaderNames.Date, HeaderNames.ETag, HeaderNames.Expires, HeaderNames.Vary];

    // Set per answer rather than copied: the length from the body, the age from the clock.
    private static readonly string[] NotCopied = [HeaderNames.ContentLength, HeaderNames.Age, HeaderNames.TransferEncoding];

    private FrontCopy(KeyValuePair<string, StringValues>[] headers, KeyValuePair<string, StringValues>[] notModified,
        byte[] body, EntityTagHeaderValue? etag, DateTimeOffset stored)
    {
        Headers = headers;
        NotModifiedHeaders = notModified;
        Body = body;
        ETag = etag;
        Stored = stored;
    }

    public KeyValuePair<string, StringValues>[] Headers { get; }

    public KeyValuePair<string, StringValues>[] NotModifiedHeaders { get; }

    public byte[] Body { get; }

    public EntityTagHeaderValue? ETag { get; }

    /// <summary>When the output cache stored the page: the Age of each answer counts from here.</summary>
    public DateTimeOffset Stored { get; }

    /// <summary>
    /// The answer as sent, once it is complete: its final headers (the security headers and X-Cache
    /// included, since <see cref="FrontDoor"/> comes before their middleware) and its body.
    /// </summary>
    public static FrontCopy Of(HttpResponse response, byte[] body, DateTimeOffset now)
    {
        var headers = response.Headers
            .Where(h => !NotCopied.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        var notModified = headers
            .Where(h => KeptIn304.Contains(h.Key, StringComparer.OrdinalIgnoreCase) || !DescribesTheBody(h.Key))
            .ToArray();
        var age = long.TryParse(response.Headers.Age, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        EntityTagHeaderValue.TryParse(response.Headers.ETag.ToString(), out var etag);
        return new FrontCopy(headers, notModified, body, etag, now.AddSeconds(-age));
    }

    /// <summary>
    /// Headers about the page's bytes, which a 304 leaves out; the others (the security headers, X-Cache)
    /// are on every answer, a 304 from the output cache included.
    /// </summary>
    private static bool DescribesTheBody(string name) =>
        (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            && !name.Equals(HeaderNames.ContentSecurityPolicy, StringComparison.OrdinalIgnoreCase))
        || name.Equals(HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase)
        || KeptIn304.Contains(name, StringComparer.OrdinalIgnoreCase);
}
