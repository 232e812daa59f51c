namespace Bayan.Feeds;

public enum FeedFormat
{
    Atom,
    Rss,
    Json,
}

public static class FeedFormats
{
    public static IReadOnlyList<FeedFormat> All { get; } = [FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json];

    /// <summary>The end of the feed's address: feed.atom, feed.rss, feed.json.</summary>
    public static string Extension(this FeedFormat format) => format switch
    {
        FeedFormat.Atom => "atom",
        FeedFormat.Rss => "rss",
        _ => "json",
    };

    /// <summary>The media type the document is sent as and announced with in a page's head.</summary>
    public static string MediaType(this FeedFormat format) => format switch
    {
        FeedFormat.Atom => "application/atom+xml",
        FeedFormat.Rss => "application/rss+xml",
        _ => "application/feed+json",
    };

    /// <summary>The format's own name, the same in every language.</summary>
    public static string Label(this FeedFormat format) => format switch
    {
        FeedFormat.Atom => "Atom",
        FeedFormat.Rss => "RSS",
        _ => "JSON Feed",
    };

    /// <summary>The document's bytes, UTF-8 without a byte order mark.</summary>
    public static byte[] Write(this FeedFormat format, Feed feed) => format switch
    {
        FeedFormat.Atom => AtomFeed.Write(feed),
        FeedFormat.Rss => RssFeed.Write(feed),
        _ => JsonFeed.Write(feed),
    };
}
