using System.Xml;
using Bayan.Feeds;

namespace Bayan.Sitemaps;

/// <summary>An address in a sitemap with its language versions (each version lists all of them, itself included).</summary>
public sealed record SitemapUrl(string Location, DateTime? LastModified, IReadOnlyList<SitemapAlternate> Alternates);

public sealed record SitemapAlternate(string Language, string Location);

/// <summary>A sitemap in a sitemap index.</summary>
public sealed record SitemapFile(string Location, DateTime? LastModified);

/// <summary>A release of the last two days in the news sitemap.</summary>
public sealed record NewsUrl(string Location, string PublicationName, string Language, DateTime Published, string Title);

/// <summary>
/// The sitemaps protocol (sitemaps.org 0.9) with hreflang alternates (xhtml:link) and Google's news
/// extension. Every address is absolute: crawlers drop relative ones.
/// </summary>
public static class Sitemap
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string News = "http://www.google.com/schemas/sitemap-news/0.9";

    public static byte[] Index(IEnumerable<SitemapFile> files) => Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Namespace);
        foreach (var file in files)
        {
            xml.WriteStartElement("sitemap", Namespace);
            xml.WriteElementString("loc", Namespace, file.Location);
            if (file.LastModified is { } at)
                xml.WriteElementString("lastmod", Namespace, FeedText.Rfc3339(at));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    public static byte[] UrlSet(IEnumerable<SitemapUrl> urls) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        xml.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
        foreach (var url in urls)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, url.Location);
            if (url.LastModified is { } at)
                xml.WriteElementString("lastmod", Namespace, FeedText.Rfc3339(at));
            foreach (var alternate in url.Alternates)
            {
                xml.WriteStartElement("xhtml", "link", Xhtml);
                xml.WriteAttributeString("rel", "alternate");
                xml.WriteAttributeString("hreflang", alternate.Language);
                xml.WriteAttributeString("href", alternate.Location);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    public static byte[] NewsSet(IEnumerable<NewsUrl> urls) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        xml.WriteAttributeString("xmlns", "news", null, News);
        foreach (var url in urls)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, url.Location);
            xml.WriteStartElement("news", "news", News);
            xml.WriteStartElement("news", "publication", News);
            xml.WriteElementString("news", "name", News, FeedText.Clean(url.PublicationName));
            xml.WriteElementString("news", "language", News, url.Language);
            xml.WriteEndElement();
            xml.WriteElementString("news", "publication_date", News, FeedText.Rfc3339(url.Published));
            xml.WriteElementString("news", "title", News, FeedText.Clean(url.Title));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, FeedText.XmlSettings))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        return bytes.ToArray();
    }
}
