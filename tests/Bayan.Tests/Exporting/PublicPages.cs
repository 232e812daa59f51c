using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Bayan.Tests.Exporting;

/// <summary>
/// The public addresses of a site, found as a reader or a crawler finds them: from the home pages, feeds and
/// sitemaps, following every link inside the site (search, the back office and the API left out).
/// </summary>
public static partial class PublicPages
{
    private static readonly string[] Starts =
    [
        "/ar/", "/en/", "/tr/", "/sitemap.xml", "/sitemap-news.xml",
        "/ar/feed.atom", "/en/feed.atom", "/ar/feed.rss", "/en/feed.rss", "/ar/feed.json", "/en/feed.json",
    ];

    public static async Task<List<string>> FindAsync(HttpClient http, int limit)
    {
        var seen = new HashSet<string>(Starts, StringComparer.Ordinal);
        var queue = new Queue<string>(Starts);
        var found = new List<string>();
        while (queue.Count > 0 && found.Count < limit)
        {
            var path = queue.Dequeue();
            found.Add(path);
            using var answer = await http.GetAsync(path);
            var type = answer.Content.Headers.ContentType?.MediaType ?? "";
            if (!type.Contains("html") && !type.Contains("xml") && !type.Contains("json"))
                continue;
            foreach (var link in Links(await answer.Content.ReadAsStringAsync()))
            {
                if (seen.Add(link))
                    queue.Enqueue(link);
            }
        }
        return found;
    }

    /// <summary>A page as a reader gets it, without what differs at every request (nonces, form tokens) or with the clock.</summary>
    public static async Task<string> FetchAsync(HttpClient http, string path)
    {
        using var answer = await http.GetAsync(path);
        var body = Encoding.UTF8.GetString(await answer.Content.ReadAsByteArrayAsync());
        body = Nonce().Replace(body, "nonce=\"\"");
        body = FormToken().Replace(body, "value=\"\"");
        body = HeaderClock().Replace(body, "<span class=\"clock\"></span>");
        return $"{(int)answer.StatusCode} {answer.Headers.Location}\n{body}";
    }

    private static IEnumerable<string> Links(string text)
    {
        foreach (Match match in Link().Matches(text))
        {
            var link = WebUtility.HtmlDecode(match.Groups["url"].Value).Replace("\\/", "/");
            if (link.StartsWith(ExportTestSite.PublicUrl, StringComparison.Ordinal))
                link = link[ExportTestSite.PublicUrl.Length..];
            if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
                continue;
            link = link.Split('#')[0];
            if (link.StartsWith("/admin", StringComparison.Ordinal) || link.StartsWith("/api", StringComparison.Ordinal)
                || link.Contains("/search", StringComparison.Ordinal) || link.Length == 0)
                continue;
            yield return link;
        }
    }

    [GeneratedRegex("""(?:href|src)="(?<url>[^"]+)"|<loc>(?<url>[^<]+)</loc>|"(?:url|id|home_page_url|feed_url)":\s*"(?<url>[^"]+)"|<link>(?<url>[^<]+)</link>""")]
    private static partial Regex Link();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<span class=\"clock\">.*?</span>", RegexOptions.Singleline)]
    private static partial Regex HeaderClock();
}
