using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Bayan.Feeds;

namespace Bayan.Tests.Feeds;

/// <summary>One entry of a feed as a reader shows it, whatever the format.</summary>
public sealed record FeedEntry(string Id, string Title, string Url, string ContentHtml, string Summary);

/// <summary>A feed fetched over HTTP, found valid to its specification, and read as a feed reader would.</summary>
public sealed record FetchedFeed(FeedFormat Format, string Address, HttpResponseMessage Response, byte[] Bytes, string Language, string Self, IReadOnlyList<FeedEntry> Entries)
{
    public FeedEntry? EntryTitled(string title) => Entries.SingleOrDefault(e => e.Title == title);
}

/// <summary>
/// What an aggregator does with Bayan's feeds: fetch one, refuse it unless it is valid (Atom to RFC 4287,
/// by its RELAX NG grammar and by <see cref="AtomSchema"/>; RSS 2.0 and JSON Feed 1.1 by <see cref="FeedSpecs"/>),
/// then read its language, its self link and its entries.
/// </summary>
public static class FeedReader
{
    public static FeedFormat FormatOf(string path) => FeedFormats.All.Single(f => path.EndsWith($"/feed.{f.Extension()}", StringComparison.Ordinal));

    public static async Task<FetchedFeed> FetchAsync(HttpClient http, string path)
    {
        var format = FormatOf(path);
        var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal(format.MediaType(), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var address = new Uri(http.BaseAddress!, path).AbsoluteUri;
        return format switch
        {
            FeedFormat.Atom => await AtomAsync(address, response, bytes),
            FeedFormat.Rss => Rss(address, response, bytes),
            _ => Json(address, response, bytes),
        };
    }

    private static async Task<FetchedFeed> AtomAsync(string address, HttpResponseMessage response, byte[] bytes)
    {
        await AtomRelaxNg.AssertValidAsync(bytes, address);
        var violations = AtomSchema.Violations(bytes);
        Assert.True(violations.Count == 0, $"{address}:\n{string.Join("\n", violations)}");
        XNamespace a = AtomSchema.Atom;
        var feed = XDocument.Load(new MemoryStream(bytes)).Root!;
        static string Link(XElement parent, string rel) =>
            parent.Elements(XName.Get("link", AtomSchema.Atom)).Single(l => ((string?)l.Attribute("rel") ?? "alternate") == rel).Attribute("href")!.Value;
        var entries = feed.Elements(a + "entry").Select(e => new FeedEntry(
            e.Element(a + "id")!.Value,
            e.Element(a + "title")!.Value,
            Link(e, "alternate"),
            e.Element(a + "content")?.Value ?? "",
            e.Element(a + "summary")?.Value ?? ""));
        return new(FeedFormat.Atom, address, response, bytes, (string?)feed.Attribute(XNamespace.Xml + "lang") ?? "", Link(feed, "self"), [.. entries]);
    }

    private static FetchedFeed Rss(string address, HttpResponseMessage response, byte[] bytes)
    {
        var channel = FeedSpecs.AssertRss(bytes);
        var self = channel.Elements(FeedSpecs.Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value;
        var entries = channel.Elements("item").Select(i => new FeedEntry(
            i.Element("guid")!.Value,
            i.Element("title")!.Value,
            i.Element("link")!.Value,
            i.Element(FeedSpecs.Content + "encoded")?.Value ?? "",
            // The description is HTML: a reader decodes it once to get the summary's text back.
            WebUtility.HtmlDecode(i.Element("description")?.Value ?? "")));
        return new(FeedFormat.Rss, address, response, bytes, channel.Element("language")?.Value ?? "", self, [.. entries]);
    }

    private static FetchedFeed Json(string address, HttpResponseMessage response, byte[] bytes)
    {
        var feed = FeedSpecs.AssertJsonFeed(bytes);
        static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
        var entries = feed.GetProperty("items").EnumerateArray().Select(i => new FeedEntry(
            Text(i, "id"), Text(i, "title"), Text(i, "url"), Text(i, "content_html"), Text(i, "summary")));
        return new(FeedFormat.Json, address, response, bytes, Text(feed, "language"), Text(feed, "feed_url"), [.. entries]);
    }
}
