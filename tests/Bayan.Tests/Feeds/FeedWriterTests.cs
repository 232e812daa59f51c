using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Bayan.Feeds;

namespace Bayan.Tests.Feeds;

/// <summary>The three writers on plain records: each document is valid to its specification and carries the same facts.</summary>
public sealed class FeedWriterTests
{
    private static readonly DateTime Published = new(2024, 11, 21, 10, 30, 0, DateTimeKind.Utc);

    private static Feed Sample(params FeedItem[] items) => new(
        "https://news.example.org/ar/feed.atom",
        "غرفة الأخبار",
        "أحدث البيانات",
        "ar",
        "https://news.example.org/ar/",
        new FeedUrls("https://news.example.org/ar/feed.atom", "https://news.example.org/ar/feed.rss", "https://news.example.org/ar/feed.json"),
        new FeedAuthor("غرفة الأخبار", "https://news.example.org/ar/"),
        Published.AddHours(2),
        items);

    private static FeedItem Item(
        string title = "بيان عن المياه", string summary = "ملخص", string content = "<p>نص <strong>البيان</strong></p>",
        string? number = "1446/05", int id = 42) => new(
        $"tag:news.example.org,2024-11-21:release/{id}/ar",
        $"https://news.example.org/ar/water/{id}/%D8%A8%D9%8A%D8%A7%D9%86",
        title,
        summary,
        content,
        Published,
        Published.AddHours(1),
        new FeedAuthor("مكتب المياه", "https://news.example.org/ar/water/"),
        number,
        "https://news.example.org/media/photo.jpg",
        ["المياه", "الخدمات"]);

    [Fact]
    public async Task Atom_is_valid_to_rfc_4287_and_carries_every_fact()
    {
        var bytes = AtomFeed.Write(Sample(Item(), Item(id: 43, number: null)));

        Assert.Empty(AtomSchema.Violations(bytes));
        Assert.Empty(await AtomRelaxNg.ViolationsAsync(bytes));
        var feed = XDocument.Load(new MemoryStream(bytes)).Root!;
        XNamespace a = AtomSchema.Atom;
        Assert.Equal("ar", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("https://news.example.org/ar/feed.atom", feed.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal("https://news.example.org/ar/", feed.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        Assert.Equal("2024-11-21T12:30:00Z", feed.Element(a + "updated")!.Value);
        var entry = feed.Elements(a + "entry").First();
        Assert.Equal("tag:news.example.org,2024-11-21:release/42/ar", entry.Element(a + "id")!.Value);
        Assert.Equal("2024-11-21T10:30:00Z", entry.Element(a + "published")!.Value);
        Assert.Equal("2024-11-21T11:30:00Z", entry.Element(a + "updated")!.Value);
        Assert.Equal("مكتب المياه", entry.Element(a + "author")!.Element(a + "name")!.Value);
        Assert.Equal("html", (string?)entry.Element(a + "content")!.Attribute("type"));
        Assert.Equal("<p>نص <strong>البيان</strong></p>", entry.Element(a + "content")!.Value);
        Assert.Equal("1446/05", entry.Element(FeedSpecs.DublinCore + "identifier")!.Value);
        Assert.Equal(["المياه", "الخدمات"], entry.Elements(a + "category").Select(c => (string?)c.Attribute("term")));
        Assert.Null(feed.Elements(a + "entry").Last().Element(FeedSpecs.DublinCore + "identifier"));
    }

    [Fact]
    public void An_atom_feed_without_entries_is_still_valid()
    {
        var bytes = AtomFeed.Write(Sample());

        Assert.Empty(AtomSchema.Violations(bytes));
    }

    [Fact]
    public void The_atom_check_finds_what_rfc_4287_forbids()
    {
        var valid = Encoding.UTF8.GetString(AtomFeed.Write(Sample(Item())));
        string[] broken =
        [
            valid.Replace("<id>https://news.example.org/ar/feed.atom</id>", ""),
            valid.Replace("<updated>2024-11-21T12:30:00Z</updated>", "<updated>21 Nov 2024</updated>"),
            valid.Replace("<updated>2024-11-21T12:30:00Z</updated>", "<updated>2024-11-21T12:30:00</updated>"),
            valid.Replace("<title type=\"text\">بيان عن المياه</title>", "<title type=\"text\">a</title><title>b</title>"),
            valid.Replace("<content type=\"html\">", "<content type=\"html\"><b xmlns=\"\">bold</b>"),
            valid.Replace("<generator>", "<unknown>x</unknown><generator>"),
            valid.Replace(" rel=\"self\"", " rel=\"me\""),
            valid.Replace("<link rel=\"alternate\" type=\"text/html\" href=\"https://news.example.org/ar/\" />", "<link rel=\"alternate\" />"),
        ];

        Assert.All(broken, document => Assert.NotEmpty(AtomSchema.Violations(Encoding.UTF8.GetBytes(document))));
    }

    [Fact]
    public void Rss_is_valid_to_rss_2_with_permanent_guids_and_rfc_822_dates()
    {
        var bytes = RssFeed.Write(Sample(Item()));

        var channel = FeedSpecs.AssertRss(bytes);
        Assert.Equal("ar", channel.Element("language")!.Value);
        var self = channel.Element(FeedSpecs.Atom + "link")!;
        Assert.Equal(("self", "https://news.example.org/ar/feed.rss"), ((string?)self.Attribute("rel"), (string?)self.Attribute("href")));
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal("Thu, 21 Nov 2024 10:30:00 GMT", item.Element("pubDate")!.Value);
        Assert.Equal(new DateTimeOffset(Published), FeedSpecs.Rfc822(item.Element("pubDate")!.Value));
        Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
        Assert.Equal("tag:news.example.org,2024-11-21:release/42/ar", item.Element("guid")!.Value);
        Assert.Equal("مكتب المياه", item.Element(FeedSpecs.DublinCore + "creator")!.Value);
        Assert.Equal("<p>نص <strong>البيان</strong></p>", item.Element(FeedSpecs.Content + "encoded")!.Value);
        Assert.Equal("1446/05", item.Element(FeedSpecs.DublinCore + "identifier")!.Value);
    }

    [Fact]
    public void Json_feed_is_valid_to_version_1_1()
    {
        var bytes = JsonFeed.Write(Sample(Item()));

        var feed = FeedSpecs.AssertJsonFeed(bytes);
        Assert.Equal("ar", feed.GetProperty("language").GetString());
        Assert.Equal("https://news.example.org/ar/feed.json", feed.GetProperty("feed_url").GetString());
        var item = Assert.Single(feed.GetProperty("items").EnumerateArray());
        Assert.Equal("<p>نص <strong>البيان</strong></p>", item.GetProperty("content_html").GetString());
        Assert.Equal("2024-11-21T10:30:00Z", item.GetProperty("date_published").GetString());
        Assert.Equal("مكتب المياه", item.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal("https://news.example.org/media/photo.jpg", item.GetProperty("image").GetString());
        Assert.Equal("1446/05", item.GetProperty("_bayan").GetProperty("reference_number").GetString());
    }

    [Theory]
    [InlineData("<script>alert('x')</script> & \"quotes\"")]
    [InlineData("]]> </title></entry>")]
    [InlineData("A & B < C")]
    public void Markup_in_titles_and_summaries_stays_text_in_every_format(string text)
    {
        var feed = Sample(Item(title: text, summary: text));

        var atom = XDocument.Load(new MemoryStream(AtomFeed.Write(feed))).Root!.Element(XName.Get("entry", AtomSchema.Atom))!;
        var rss = XDocument.Load(new MemoryStream(RssFeed.Write(feed))).Root!.Element("channel")!.Element("item")!;
        var json = JsonDocument.Parse(JsonFeed.Write(feed)).RootElement.GetProperty("items")[0];

        Assert.Equal(text, atom.Element(XName.Get("title", AtomSchema.Atom))!.Value);
        Assert.Equal(text, atom.Element(XName.Get("summary", AtomSchema.Atom))!.Value);
        Assert.Equal(text, rss.Element("title")!.Value);
        // RSS readers read description as HTML: the text arrives encoded once more.
        Assert.Equal(System.Net.WebUtility.HtmlEncode(text), rss.Element("description")!.Value);
        Assert.Equal(text, json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_dropped_rather_than_failing_the_feed()
    {
        var feed = Sample(Item(title: "bad\u0001 title\uD800", content: "<p>x\u000B</p>"));

        foreach (var format in FeedFormats.All)
        {
            var bytes = format.Write(feed);
            Assert.NotEmpty(bytes);
        }
        Assert.Empty(AtomSchema.Violations(AtomFeed.Write(feed)));
        Assert.Empty(await AtomRelaxNg.ViolationsAsync(AtomFeed.Write(feed)));
        Assert.Equal("bad title", XDocument.Load(new MemoryStream(RssFeed.Write(feed))).Root!.Element("channel")!.Element("item")!.Element("title")!.Value);
    }

    [Theory]
    [InlineData(2024, 11, 21, 10, 30, 5, "2024-11-21T10:30:05Z", "Thu, 21 Nov 2024 10:30:05 GMT")]
    [InlineData(2024, 3, 1, 0, 0, 0, "2024-03-01T00:00:00Z", "Fri, 01 Mar 2024 00:00:00 GMT")]
    [InlineData(1999, 12, 31, 23, 59, 59, "1999-12-31T23:59:59Z", "Fri, 31 Dec 1999 23:59:59 GMT")]
    public void Dates_are_written_as_the_specifications_say(int y, int mo, int d, int h, int mi, int s, string rfc3339, string rfc822)
    {
        var instant = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc);

        Assert.Equal(rfc3339, FeedText.Rfc3339(instant));
        Assert.Equal(rfc822, FeedText.Rfc822(instant));
        Assert.Equal(new DateTimeOffset(instant), FeedSpecs.Rfc3339(rfc3339));
        Assert.Equal(new DateTimeOffset(instant), FeedSpecs.Rfc822(rfc822));
    }

    [Theory]
    [InlineData("Sat, 13 Mar 2010 12:00:00 +0300", true)]
    [InlineData("13 Mar 10 12:00 EST", true)]
    [InlineData("Fri, 13 Mar 2010 12:00:00 GMT", false)] // 13 March 2010 was a Saturday
    [InlineData("2010-03-13T12:00:00Z", false)]
    [InlineData("Sat, 13 March 2010 12:00:00 GMT", false)]
    public void The_rfc_822_reader_of_the_tests_is_itself_right(string text, bool valid) =>
        Assert.Equal(valid, FeedSpecs.Rfc822(text) is not null);
}
