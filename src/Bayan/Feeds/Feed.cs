namespace Bayan.Feeds;

/// <summary>
/// One feed as every format writes it: what it is, where it lives and its newest items. All URLs are
/// absolute, all instants UTC, all HTML already sanitised; the writers only arrange and escape.
/// </summary>
public sealed record Feed(
    string Id,
    string Title,
    string Description,
    string Language,
    string HomeUrl,
    FeedUrls Urls,
    FeedAuthor Author,
    DateTime Updated,
    IReadOnlyList<FeedItem> Items);

/// <summary>The same feed in each format, so every document can name itself (rel="self").</summary>
public sealed record FeedUrls(string Atom, string Rss, string Json)
{
    public string Of(FeedFormat format) => format switch
    {
        FeedFormat.Atom => Atom,
        FeedFormat.Rss => Rss,
        _ => Json,
    };
}

public sealed record FeedAuthor(string Name, string? Url);

/// <param name="Id">Stable across edits of title and slug (a tag: URI), never reused.</param>
/// <param name="ReferenceNumber">The office's number as stored, e.g. "1445/03".</param>
public sealed record FeedItem(
    string Id,
    string Url,
    string Title,
    string Summary,
    string ContentHtml,
    DateTime Published,
    DateTime Updated,
    FeedAuthor Author,
    string? ReferenceNumber,
    string? Image,
    IReadOnlyList<string> Categories);
