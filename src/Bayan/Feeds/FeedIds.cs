using System.Globalization;
using System.Text.RegularExpressions;

namespace Bayan.Feeds;

/// <summary>
/// Ids that stay the same when a title, slug or office code changes: tag: URIs (RFC 4151), minted from
/// the site's host name and the day the release was created, e.g. "tag:news.example.org,2024-11-21:release/42/ar".
/// </summary>
public static partial class FeedIds
{
    /// <summary>Null when the host is no DNS name (an IPv6 literal, say): callers then use the release's address.</summary>
    public static string? Release(string host, DateTime createdAt, int id, string language) =>
        DnsName().IsMatch(host)
            ? $"tag:{host.ToLowerInvariant()},{createdAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:release/{id}/{language}"
            : null;

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex DnsName();
}
