using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bayan.Tests.Feeds;

/// <summary>What RSS 2.0 and JSON Feed 1.1 require of a document, and their date formats, checked from the parsed document.</summary>
public static partial class FeedSpecs
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// RSS 2.0: an rss element of version 2.0 with one channel that has title, link and description;
    /// every item has a title or a description, a guid, and a pubDate in RFC 822.
    /// </summary>
    public static XElement AssertRss(byte[] document)
    {
        var rss = XDocument.Load(new MemoryStream(document)).Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", (string?)rss.Attribute("version"));
        var channel = Assert.Single(rss.Elements("channel"));
        foreach (var required in new[] { "title", "link", "description" })
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(channel.Elements(required)).Value), $"channel/{required} is empty");
        Assert.True(Uri.IsWellFormedUriString(channel.Element("link")!.Value, UriKind.Absolute));
        if (channel.Element("lastBuildDate") is { } built)
            Assert.True(Rfc822(built.Value) is not null, $"lastBuildDate '{built.Value}' is not RFC 822");
        foreach (var item in channel.Elements("item"))
        {
            Assert.True(item.Element("title") is not null || item.Element("description") is not null);
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(item.Elements("guid")).Value));
            var date = Assert.Single(item.Elements("pubDate")).Value;
            Assert.True(Rfc822(date) is not null, $"pubDate '{date}' is not RFC 822");
        }
        return channel;
    }

    /// <summary>JSON Feed 1.1: version, title, items; each item an id (a string) and content_html or content_text; dates in RFC 3339.</summary>
    public static JsonElement AssertJsonFeed(byte[] document)
    {
        var feed = JsonDocument.Parse(document).RootElement.Clone();
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(feed.GetProperty("title").GetString()));
        foreach (var item in feed.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind);
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            foreach (var name in new[] { "date_published", "date_modified" })
            {
                if (item.TryGetProperty(name, out var date))
                    Assert.True(Rfc3339(date.GetString()!) is not null, $"{name} '{date}' is not RFC 3339");
            }
        }
        return feed;
    }

    /// <summary>RFC 3339 section 5.6 date-time: a full date, a time with seconds and a zone (Z or an offset).</summary>
    public static DateTimeOffset? Rfc3339(string text) =>
        Rfc3339Pattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    /// <summary>
    /// RFC 822 section 5 date-time: [day ","] 1*2DIGIT month 2DIGIT (RSS allows 4) hour ":" minute [":" second] zone,
    /// where zone is UT, GMT, a North American zone, a military letter or +hhmm / -hhmm.
    /// </summary>
    public static DateTimeOffset? Rfc822(string text)
    {
        var match = Rfc822Pattern().Match(text);
        if (!match.Success)
            return null;
        var month = Array.IndexOf(Months, match.Groups["month"].Value) + 1;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Length == 2)
            year += year < 50 ? 2000 : 1900;
        var offset = Zone(match.Groups["zone"].Value);
        if (offset is null)
            return null;
        try
        {
            var value = new DateTimeOffset(year, month, int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture),
                match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0, offset.Value);
            // The day of the week, when given, must be that date's.
            return match.Groups["weekday"].Success && match.Groups["weekday"].Value != value.DayOfWeek.ToString()[..3] ? null : value;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static TimeSpan? Zone(string zone) => zone switch
    {
        "UT" or "GMT" or "Z" => TimeSpan.Zero,
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        ['+' or '-', _, _, _, _] => TimeSpan.FromMinutes((zone[0] == '-' ? -1 : 1) * (int.Parse(zone[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(zone[3..], CultureInfo.InvariantCulture))),
        // Military letters other than Z were defined with the wrong sign; RFC 1123 says to read them as zero.
        [>= 'A' and <= 'Y'] => TimeSpan.Zero,
        _ => null,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+\-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();

    [GeneratedRegex(@"^(?:(?<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(?<day>\d{1,2}) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<year>\d{4}|\d{2}) (?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))? (?<zone>UT|GMT|[ECMP][SD]T|[A-IK-Z]|[+\-]\d{4})$")]
    private static partial Regex Rfc822Pattern();
}
