using System.Text;
using Bayan.Feeds;

namespace Bayan.Tests.Feeds;

/// <summary>The RELAX NG check itself: Bayan's Atom passes it, and it catches what RFC 4287 forbids.</summary>
public sealed class AtomRelaxNgTests
{
    private static readonly DateTime Noon = new(2025, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    private static Feed Sample(int entries) => new(
        "https://press.example.net/en/feed.atom",
        "Example Newsroom",
        "Latest releases",
        "en",
        "https://press.example.net/en/",
        new FeedUrls("https://press.example.net/en/feed.atom", "https://press.example.net/en/feed.rss", "https://press.example.net/en/feed.json"),
        new FeedAuthor("Example Newsroom", "https://press.example.net/en/"),
        Noon,
        [.. Enumerable.Range(1, entries).Select(i => new FeedItem(
            $"tag:press.example.net,2025-03-10:release/{i}/en",
            $"https://press.example.net/en/health/{i}/clinic-opens",
            $"Clinic {i} opens",
            i % 2 == 0 ? "" : "A summary",
            "<div lang=\"en\" dir=\"ltr\"><p>Text &amp; more</p></div>",
            Noon,
            Noon.AddMinutes(i),
            new FeedAuthor("Health Office", "https://press.example.net/en/health/"),
            i % 2 == 0 ? null : $"2025/{i:00}",
            null,
            i % 2 == 0 ? [] : ["Health"]))]);

    private static string Valid => Encoding.UTF8.GetString(AtomFeed.Write(Sample(2)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Bayans_atom_is_valid_to_the_grammar_of_rfc_4287(int entries)
    {
        Assert.Empty(await AtomRelaxNg.ViolationsAsync(AtomFeed.Write(Sample(entries))));
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "an entry without an id", Valid.Replace("<id>tag:press.example.net,2025-03-10:release/1/en</id>", "") },
        { "a feed without a title", Valid.Replace("<title type=\"text\">Example Newsroom</title>", "") },
        { "an entry with two titles", Valid.Replace("<title type=\"text\">Clinic 1 opens</title>", "<title>a</title><title>b</title>") },
        { "an update that is no date", Valid.Replace("<updated>2025-03-10T12:00:00Z</updated>", "<updated>10 March 2025</updated>") },
        { "html content with markup inside", Valid.Replace("<content type=\"html\">", "<content type=\"html\"><b>bold</b>") },
        { "a category without a term", Valid.Replace("<category term=\"Health\" />", "<category />") },
        { "a link without href", Valid.Replace(" href=\"https://press.example.net/en/\"", "") },
        { "an element Atom does not define", Valid.Replace("<generator>Bayan</generator>", "<generator>Bayan</generator><unknown>x</unknown>") },
        { "an author without a name", Valid.Replace("<name>Health Office</name>", "") },
        { "a text construct of an unknown type", Valid.Replace("<title type=\"text\">Clinic 1 opens</title>", "<title type=\"markdown\">Clinic 1 opens</title>") },
        { "a document that is not XML", Valid.Replace("</feed>", "") },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task The_grammar_refuses_what_rfc_4287_forbids(string what, string document)
    {
        // Each document is the valid one with one part changed; a change that missed would prove nothing.
        Assert.NotEqual(Valid, document);
        Assert.True((await AtomRelaxNg.ViolationsAsync(Encoding.UTF8.GetBytes(document))).Count > 0, $"xmllint accepted {what}");
    }
}
