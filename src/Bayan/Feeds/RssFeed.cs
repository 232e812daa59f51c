using System.Net;
using System.Xml;

namespace Bayan.Feeds;

/// <summary>
/// RSS 2.0: channel title, link and description; items with a permanent guid and an RFC 822 date.
/// The summary goes in description and the whole text in content:encoded; the office, which has no
/// e-mail address for RSS's author, is dc:creator.
/// </summary>
public static class RssFeed
{
    public static byte[] Write(Feed feed)
    {
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, FeedText.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomFeed.Namespace);
            xml.WriteAttributeString("xmlns", "content", null, Namespaces.RssContent);
            xml.WriteAttributeString("xmlns", "dc", null, Namespaces.DublinCore);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", FeedText.Clean(feed.Title));
            xml.WriteElementString("link", feed.HomeUrl);
            xml.WriteElementString("description", FeedText.Clean(feed.Description));
            xml.WriteElementString("language", feed.Language);
            xml.WriteElementString("lastBuildDate", FeedText.Rfc822(feed.Updated));
            xml.WriteElementString("generator", "Bayan");
            xml.WriteElementString("docs", "https://www.rssboard.org/rss-specification");
            xml.WriteStartElement("atom", "link", AtomFeed.Namespace);
            xml.WriteAttributeString("href", feed.Urls.Rss);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", FeedFormat.Rss.MediaType());
            xml.WriteEndElement();
            foreach (var item in feed.Items)
                Item(xml, item);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return bytes.ToArray();
    }

    private static void Item(XmlWriter xml, FeedItem item)
    {
        xml.WriteStartElement("item");
        xml.WriteElementString("title", FeedText.Clean(item.Title));
        xml.WriteElementString("link", item.Url);
        // RSS readers take description as HTML: the plain summary is encoded so "<" stays a character.
        xml.WriteElementString("description", FeedText.Clean(WebUtility.HtmlEncode(item.Summary)));
        xml.WriteStartElement("content", "encoded", Namespaces.RssContent);
        xml.WriteString(FeedText.Clean(item.ContentHtml));
        xml.WriteEndElement();
        xml.WriteStartElement("guid");
        // A tag: URI is no address to visit; a URL given as the id is the release's address.
        xml.WriteAttributeString("isPermaLink", item.Id == item.Url ? "true" : "false");
        xml.WriteString(item.Id);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", FeedText.Rfc822(item.Published));
        xml.WriteElementString("dc", "creator", Namespaces.DublinCore, FeedText.Clean(item.Author.Name));
        foreach (var category in item.Categories)
            xml.WriteElementString("category", FeedText.Clean(category));
        if (item.ReferenceNumber is { } number)
            xml.WriteElementString("dc", "identifier", Namespaces.DublinCore, FeedText.Clean(number));
        xml.WriteEndElement();
    }
}
