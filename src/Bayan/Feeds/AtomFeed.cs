using System.Xml;

namespace Bayan.Feeds;

/// <summary>Atom 1.0 (RFC 4287): the feed and every entry carry id, title, updated, an author and links.</summary>
public static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(Feed feed)
    {
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, FeedText.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xmlns", "dc", null, Namespaces.DublinCore);
            xml.WriteAttributeString("xml", "lang", null, feed.Language);
            xml.WriteElementString("id", Namespace, feed.Id);
            Text(xml, "title", feed.Title);
            Text(xml, "subtitle", feed.Description);
            xml.WriteElementString("updated", Namespace, FeedText.Rfc3339(feed.Updated));
            Link(xml, "self", FeedFormat.Atom.MediaType(), feed.Urls.Atom);
            Link(xml, "alternate", "text/html", feed.HomeUrl);
            // The feed has an author of its own, so it stays valid when it has no entries yet.
            Person(xml, feed.Author);
            xml.WriteElementString("generator", Namespace, "Bayan");
            foreach (var item in feed.Items)
                Entry(xml, item, feed.Language);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return bytes.ToArray();
    }

    private static void Entry(XmlWriter xml, FeedItem item, string language)
    {
        xml.WriteStartElement("entry", Namespace);
        xml.WriteElementString("id", Namespace, item.Id);
        Text(xml, "title", item.Title);
        Link(xml, "alternate", "text/html", item.Url, language);
        xml.WriteElementString("published", Namespace, FeedText.Rfc3339(item.Published));
        xml.WriteElementString("updated", Namespace, FeedText.Rfc3339(item.Updated));
        Person(xml, item.Author);
        foreach (var category in item.Categories)
        {
            xml.WriteStartElement("category", Namespace);
            xml.WriteAttributeString("term", FeedText.Clean(category));
            xml.WriteEndElement();
        }
        if (item.Summary.Length > 0)
            Text(xml, "summary", item.Summary);
        xml.WriteStartElement("content", Namespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(FeedText.Clean(item.ContentHtml));
        xml.WriteEndElement();
        if (item.ReferenceNumber is { } number)
            xml.WriteElementString("dc", "identifier", Namespaces.DublinCore, FeedText.Clean(number));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(FeedText.Clean(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href, string? hreflang = null)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        if (hreflang is not null)
            xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteEndElement();
    }

    private static void Person(XmlWriter xml, FeedAuthor author)
    {
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, FeedText.Clean(author.Name));
        if (author.Url is not null)
            xml.WriteElementString("uri", Namespace, author.Url);
        xml.WriteEndElement();
    }
}

/// <summary>Namespaces the XML feeds borrow from.</summary>
public static class Namespaces
{
    /// <summary>Dublin Core: dc:creator for an RSS item's office, dc:identifier for the reference number.</summary>
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string RssContent = "http://purl.org/rss/1.0/modules/content/";
}
