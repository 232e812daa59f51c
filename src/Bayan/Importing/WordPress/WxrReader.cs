using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Bayan.Operations;

namespace Bayan.Importing.WordPress;

/// <summary>A file that is not WXR, or is cut short or malformed: the problem names the line.</summary>
public sealed class WxrFormatException(Problem problem) : Exception(problem.In("en"))
{
    public Problem Problem { get; } = problem;
}

/// <summary>
/// Reads a WordPress export (WXR 1.0, 1.1 or 1.2) as a stream of entries: the file is never held whole,
/// only one item at a time. The namespaces are matched by what they are, not by the prefix or version
/// a file gives them, since each WXR version names its own (http://wordpress.org/export/1.2/).
/// </summary>
public sealed class WxrReader : IDisposable
{
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string ExportPrefix = "http://wordpress.org/export/";

    private readonly XmlReader xml;
    private readonly Dictionary<string, string> header = [];
    private bool siteGiven;

    public WxrReader(Stream stream)
    {
        xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            // Exports written by old plugins carry stray control characters; they are text, not a reason to stop.
            CheckCharacters = false,
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        });
    }

    public static IEnumerable<WxrEntry> Read(Stream stream)
    {
        using var reader = new WxrReader(stream);
        while (reader.Next() is { } entry)
            yield return entry;
    }

    private int Line => (xml as IXmlLineInfo)?.LineNumber ?? 0;

    /// <summary>The next entry, or null at the end of the file.</summary>
    public WxrEntry? Next()
    {
        try
        {
            return Advance();
        }
        catch (XmlException e)
        {
            throw new WxrFormatException(new Problem("import_wxr_malformed", e.LineNumber, Reason(e)));
        }
    }

    /// <summary>XmlException's message ends with its own "Line 4, position 2."; the line is given apart.</summary>
    private static string Reason(XmlException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private WxrEntry? Advance()
    {
        if (xml.ReadState == ReadState.Initial)
        {
            xml.MoveToContent();
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "rss")
                throw NotWxr();
            xml.Read();
        }
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 2)
            {
                xml.Read();
                continue;
            }
            var ns = xml.NamespaceURI;
            var name = xml.LocalName;
            var isHeader = ns.Length == 0 && name is "title" or "language"
                || IsExport(ns) && name is "wxr_version" or "base_site_url" or "base_blog_url";
            if (isHeader)
            {
                var key = (ns.Length == 0 ? "" : "wp:") + name;
                header.TryAdd(key, xml.ReadElementContentAsString().Trim());
                continue;
            }
            var isContent = ns.Length == 0 && name == "item" || IsExport(ns) && name is "author" or "category" or "tag" or "term";
            if (!isContent)
            {
                // The feed's own elements (description, generator, an <image>) and plugins' additions: nothing to import.
                xml.Skip();
                continue;
            }
            if (!siteGiven)
                return Site();
            var line = Line;
            var entry = Entry((XElement)XNode.ReadFrom(xml), line);
            if (entry is not null)
                return entry;
        }
        return siteGiven ? null : Site();
    }

    private WxrSite Site()
    {
        if (!header.TryGetValue("wp:wxr_version", out var version))
            throw NotWxr();
        siteGiven = true;
        return new WxrSite(version, header.GetValueOrDefault("title", ""), header.GetValueOrDefault("wp:base_site_url", ""),
            header.GetValueOrDefault("wp:base_blog_url", ""), header.GetValueOrDefault("language"));
    }

    private WxrFormatException NotWxr() => new(new Problem("import_wxr_not_wxr", Math.Max(1, Line)));

    private static bool IsExport(string ns) => ns.StartsWith(ExportPrefix, StringComparison.Ordinal) && !ns.EndsWith("/excerpt/", StringComparison.Ordinal);

    private static WxrEntry? Entry(XElement element, int line)
    {
        var ns = element.Name.NamespaceName;
        return element.Name.LocalName switch
        {
            "item" when ns.Length == 0 => Item(element, line),
            "author" when IsExport(ns) => new WxrAuthor(Long(Wp(element, "author_id")), Wp(element, "author_login"),
                Wp(element, "author_email"), Wp(element, "author_display_name")),
            "category" when IsExport(ns) => new WxrCategory(Long(Wp(element, "term_id")), Wp(element, "category_nicename"),
                NullIfEmpty(Wp(element, "category_parent")), Wp(element, "cat_name"), Wp(element, "category_description")),
            "tag" when IsExport(ns) => new WxrTag(Long(Wp(element, "term_id")), Wp(element, "tag_slug"), Wp(element, "tag_name"),
                Wp(element, "tag_description")),
            "term" when IsExport(ns) => new WxrTerm(Long(Wp(element, "term_id")), Wp(element, "term_taxonomy"), Wp(element, "term_slug"),
                NullIfEmpty(Wp(element, "term_parent")), Wp(element, "term_name"), Wp(element, "term_description")),
            _ => null,
        };
    }

    private static WxrItem Item(XElement item, int line)
    {
        var terms = new List<WxrItemTerm>();
        var meta = new List<WxrMeta>();
        var comments = new List<WxrComment>();
        foreach (var child in item.Elements())
        {
            var ns = child.Name.NamespaceName;
            switch (child.Name.LocalName)
            {
                // WXR 1.0 wrote each category twice, once without a slug: the one with it is enough.
                case "category" when ns.Length == 0 && (string?)child.Attribute("nicename") is { Length: > 0 } slug:
                    var domain = (string?)child.Attribute("domain") ?? "category";
                    terms.Add(new WxrItemTerm(domain == "tag" ? "post_tag" : domain, slug, child.Value.Trim()));
                    break;
                case "postmeta" when IsExport(ns):
                    meta.Add(new WxrMeta(Wp(child, "meta_key"), Wp(child, "meta_value")));
                    break;
                case "comment" when IsExport(ns):
                    comments.Add(Comment(child));
                    break;
            }
        }
        return new WxrItem(
            Long(Wp(item, "post_id")),
            Plain(item, "title"),
            Plain(item, "link"),
            Plain(item, "guid"),
            (string?)item.Element(XName.Get("creator", DublinCore)) ?? "",
            (string?)item.Element(XName.Get("encoded", Content)) ?? "",
            (string?)item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded" && e.Name.NamespaceName.EndsWith("/excerpt/", StringComparison.Ordinal)) ?? "",
            Date(Wp(item, "post_date")),
            Date(Wp(item, "post_date_gmt")),
            Wp(item, "post_name"),
            Wp(item, "status"),
            Long(Wp(item, "post_parent")),
            (int)Long(Wp(item, "menu_order")),
            Wp(item, "post_type") is { Length: > 0 } type ? type : "post",
            Wp(item, "post_password"),
            Wp(item, "is_sticky") == "1",
            Wp(item, "attachment_url"),
            terms, meta, comments, line);
    }

    private static WxrComment Comment(XElement comment) => new(
        Long(Wp(comment, "comment_id")),
        Wp(comment, "comment_author"),
        Wp(comment, "comment_author_email"),
        Wp(comment, "comment_author_url"),
        Date(Wp(comment, "comment_date")),
        Date(Wp(comment, "comment_date_gmt")),
        Wp(comment, "comment_content"),
        Wp(comment, "comment_approved"),
        Wp(comment, "comment_type"),
        Long(Wp(comment, "comment_parent")),
        Long(Wp(comment, "comment_user_id")));

    /// <summary>A child in the export namespace, whatever version the file names.</summary>
    private static string Wp(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name && IsExport(e.Name.NamespaceName))?.Value ?? "";

    private static string Plain(XElement parent, string name) => parent.Element(name)?.Value.Trim() ?? "";

    private static string? NullIfEmpty(string value) => value.Trim() is { Length: > 0 } text ? text : null;

    private static long Long(string value) => long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>"2023-11-04 10:00:00"; WordPress writes "0000-00-00 00:00:00" for a date never set.</summary>
    private static DateTime? Date(string value) =>
        DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : null;

    public void Dispose() => xml.Dispose();
}
