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
            var entry = ns.Length == 0 && name == "item" ? Item() : Entry((XElement)XNode.ReadFrom(xml));
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

    private static WxrEntry? Entry(XElement element)
    {
        var ns = element.Name.NamespaceName;
        return element.Name.LocalName switch
        {
            "author" when IsExport(ns) => new WxrAuthor(Long(Wp(element, "author_id")), Wp(element, "author_login"),
                Wp(element, "author_email"), Wp(element, "author_display_name")),
            "category" when IsExport(ns) => new WxrCategory(Long(Wp(element, "term_id")), Wp(element, "category_nicename"),
                NullIfEmpty(Wp(element, "category_parent")), Wp(element, "cat_name")),
            "tag" when IsExport(ns) => new WxrTag(Long(Wp(element, "term_id")), Wp(element, "tag_slug"), Wp(element, "tag_name")),
            "term" when IsExport(ns) => new WxrTerm(Long(Wp(element, "term_id")), Wp(element, "term_taxonomy"), Wp(element, "term_slug"),
                NullIfEmpty(Wp(element, "term_parent")), Wp(element, "term_name")),
            _ => null,
        };
    }

    /// <summary>
    /// Post meta the import reads (featured image, attachment file and alt text, a kept reference number, WPML's language
    /// and group); plugins write much more (page builders, whole pages as JSON), which is skipped unread.
    /// </summary>
    public static readonly IReadOnlySet<string> MetaKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "_thumbnail_id", "_wp_attached_file", "_wp_attachment_image_alt", "reference_number",
        "_wpml_import_language_code", "_wpml_language", "wpml_language", "_wpml_import_translation_group", "_wpml_trid", "wpml_trid",
    };

    /// <summary>An item read in one pass over its children: each field once, and what the import never uses skipped.</summary>
    private WxrItem Item()
    {
        var terms = new List<WxrItemTerm>();
        var meta = new List<WxrMeta>();
        var comments = new List<WxrComment>();
        string title = "", link = "", guid = "", creator = "", content = "", excerpt = "", postName = "", status = "", type = "", password = "", attachmentUrl = "";
        DateTime? date = null, dateGmt = null;
        long id = 0, parent = 0;
        foreach (var (ns, name) in Children())
        {
            var export = IsExport(ns);
            switch (name)
            {
                case "title" when ns.Length == 0:
                    title = Text().Trim();
                    break;
                case "link" when ns.Length == 0:
                    link = Text().Trim();
                    break;
                case "guid" when ns.Length == 0:
                    guid = Text().Trim();
                    break;
                // WXR 1.0 wrote each category twice, once without a slug: the one with it is enough.
                case "category" when ns.Length == 0:
                    var slug = xml.GetAttribute("nicename");
                    var domain = xml.GetAttribute("domain") ?? "category";
                    var termName = Text().Trim();
                    if (slug is { Length: > 0 })
                        terms.Add(new WxrItemTerm(domain == "tag" ? "post_tag" : domain, slug, termName));
                    break;
                case "creator" when ns == DublinCore:
                    creator = Text();
                    break;
                case "encoded" when ns == Content:
                    content = Text();
                    break;
                case "encoded" when ns.StartsWith(ExportPrefix, StringComparison.Ordinal) && ns.EndsWith("/excerpt/", StringComparison.Ordinal):
                    excerpt = Text();
                    break;
                case "post_id" when export:
                    id = Long(Text());
                    break;
                case "post_date" when export:
                    date = Date(Text());
                    break;
                case "post_date_gmt" when export:
                    dateGmt = Date(Text());
                    break;
                case "post_name" when export:
                    postName = Text();
                    break;
                case "status" when export:
                    status = Text();
                    break;
                case "post_parent" when export:
                    parent = Long(Text());
                    break;
                case "post_type" when export:
                    type = Text();
                    break;
                case "post_password" when export:
                    password = Text();
                    break;
                case "attachment_url" when export:
                    attachmentUrl = Text();
                    break;
                case "postmeta" when export:
                    if (Meta() is { } kept)
                        meta.Add(kept);
                    break;
                case "comment" when export:
                    comments.Add(Comment());
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        return new WxrItem(id, title, link, guid, creator, content, excerpt, date, dateGmt, postName, status, parent,
            type.Length > 0 ? type : "post", password, attachmentUrl, terms, meta, comments);
    }

    private WxrMeta? Meta()
    {
        string? key = null, value = null;
        foreach (var (ns, name) in Children())
        {
            if (IsExport(ns) && name == "meta_key")
                key = Text();
            else if (IsExport(ns) && name == "meta_value" && key is not null && MetaKeys.Contains(key))
                value = Text();
            else
                xml.Skip();
        }
        return key is not null && value is not null ? new WxrMeta(key, value) : null;
    }

    private WxrComment Comment()
    {
        string author = "", email = "", content = "", approved = "", type = "";
        DateTime? date = null, dateGmt = null;
        long id = 0, parent = 0;
        foreach (var (ns, name) in Children())
        {
            if (!IsExport(ns))
            {
                xml.Skip();
                continue;
            }
            switch (name)
            {
                case "comment_id": id = Long(Text()); break;
                case "comment_author": author = Text(); break;
                case "comment_author_email": email = Text(); break;
                case "comment_date": date = Date(Text()); break;
                case "comment_date_gmt": dateGmt = Date(Text()); break;
                case "comment_content": content = Text(); break;
                case "comment_approved": approved = Text(); break;
                case "comment_type": type = Text(); break;
                case "comment_parent": parent = Long(Text()); break;
                default: xml.Skip(); break;
            }
        }
        return new WxrComment(id, author, email, date, dateGmt, content, approved, type, parent);
    }

    /// <summary>
    /// The child elements of the element the reader is on, each as its namespace and name with the reader on it; the
    /// caller must read it (<see cref="Text"/>) or skip it. Ends with the reader past the element's end.
    /// </summary>
    private IEnumerable<(string Ns, string Name)> Children()
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            yield break;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            yield return (xml.NamespaceURI, xml.LocalName);
        }
        xml.Read();
    }

    /// <summary>The text of the element the reader is on (its text and CDATA, and its children's, as XElement.Value gives it); the reader ends past it.</summary>
    private string Text()
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        xml.Read();
        string? first = null;
        System.Text.StringBuilder? more = null;
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (first is null)
                    first = xml.Value;
                else
                    (more ??= new System.Text.StringBuilder(first)).Append(xml.Value);
            }
            xml.Read();
        }
        xml.Read();
        return more?.ToString() ?? first ?? "";
    }

    /// <summary>A child in the export namespace, whatever version the file names.</summary>
    private static string Wp(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name && IsExport(e.Name.NamespaceName))?.Value ?? "";

    private static string? NullIfEmpty(string value) => value.Trim() is { Length: > 0 } text ? text : null;

    private static long Long(string value) => long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>"2023-11-04 10:00:00"; WordPress writes "0000-00-00 00:00:00" for a date never set.</summary>
    private static DateTime? Date(string value) =>
        DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : null;

    public void Dispose() => xml.Dispose();
}
