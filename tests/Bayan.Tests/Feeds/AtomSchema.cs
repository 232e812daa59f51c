using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Bayan.Tests.Feeds;

/// <summary>
/// RFC 4287 checked in process. The RFC's own grammar (Appendix B) is RELAX NG, which .NET cannot run
/// (<see cref="AtomRelaxNg"/> runs it with xmllint), and Atom's elements come in any order, which XML
/// Schema 1.0 cannot count. So this check has two halves: an XML Schema written from the RFC's constructs
/// (names, attributes, value types, where foreign markup may go) and <see cref="Violations"/>, the RFC's
/// "MUST contain exactly one" rules in code. It stays beside the grammar for what the grammar leaves
/// out: the grammar's xsd:dateTime accepts a date without a zone, which RFC 3339 does not; its two
/// Schematron rules are annotations xmllint ignores; ids must be absolute IRIs and unique; and a feed
/// must name itself with a self link.
/// </summary>
public static class AtomSchema
{
    public const string Atom = "http://www.w3.org/2005/Atom";

    // Section 3 (common constructs) and 4 (element definitions) of RFC 4287, as XML Schema 1.0.
    private const string Xsd = """
        <?xml version="1.0" encoding="utf-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns:atom="http://www.w3.org/2005/Atom"
                   targetNamespace="http://www.w3.org/2005/Atom"
                   elementFormDefault="qualified" attributeFormDefault="unqualified">

          <!-- 3.3 Date constructs: RFC 3339 date-time, upper-case T and Z, a zone always given. -->
          <xs:simpleType name="date">
            <xs:restriction base="xs:dateTime">
              <xs:pattern value="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+\-]\d{2}:\d{2})"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- RFC 3066 language tags (hreflang). -->
          <xs:simpleType name="languageTag">
            <xs:restriction base="xs:string">
              <xs:pattern value="[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="email">
            <xs:restriction base="xs:string">
              <xs:pattern value=".+@.+"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- 3.1 Text constructs: text, html (escaped markup) or xhtml (one xhtml:div). -->
          <xs:complexType name="text" mixed="true">
            <xs:sequence>
              <xs:any namespace="http://www.w3.org/1999/xhtml" processContents="skip" minOccurs="0" maxOccurs="1"/>
            </xs:sequence>
            <xs:attribute name="type" default="text">
              <xs:simpleType>
                <xs:restriction base="xs:token">
                  <xs:enumeration value="text"/>
                  <xs:enumeration value="html"/>
                  <xs:enumeration value="xhtml"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:attribute>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <!-- 3.2 Person constructs: a name, perhaps a uri and an email, and extension elements. -->
          <xs:complexType name="person">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="name" type="xs:string"/>
              <xs:element name="uri" type="atom:uri"/>
              <xs:element name="email" type="atom:emailElement"/>
              <xs:any namespace="##other" processContents="lax"/>
            </xs:choice>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <xs:complexType name="uri">
            <xs:simpleContent>
              <xs:extension base="xs:anyURI">
                <xs:anyAttribute namespace="##other" processContents="lax"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <xs:complexType name="emailElement">
            <xs:simpleContent>
              <xs:extension base="atom:email">
                <xs:anyAttribute namespace="##other" processContents="lax"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <xs:complexType name="dateElement">
            <xs:simpleContent>
              <xs:extension base="atom:date">
                <xs:anyAttribute namespace="##other" processContents="lax"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <!-- 4.2.4 generator -->
          <xs:complexType name="generator">
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="uri" type="xs:anyURI"/>
                <xs:attribute name="version" type="xs:string"/>
                <xs:anyAttribute namespace="##other" processContents="lax"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <!-- 4.2.7 link: href required; rel, type, hreflang, title, length optional. -->
          <xs:complexType name="link" mixed="true">
            <xs:sequence>
              <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="href" type="xs:anyURI" use="required"/>
            <xs:attribute name="rel" type="xs:string"/>
            <xs:attribute name="type" type="xs:string"/>
            <xs:attribute name="hreflang" type="atom:languageTag"/>
            <xs:attribute name="title" type="xs:string"/>
            <xs:attribute name="length" type="xs:nonNegativeInteger"/>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <!-- 4.2.2 category: term required. -->
          <xs:complexType name="category" mixed="true">
            <xs:sequence>
              <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="term" type="xs:string" use="required"/>
            <xs:attribute name="scheme" type="xs:anyURI"/>
            <xs:attribute name="label" type="xs:string"/>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <!-- 4.1.3 content: inline text, html, xhtml or another media type, or out of line with src. -->
          <xs:complexType name="content" mixed="true">
            <xs:sequence>
              <xs:any namespace="##any" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="type" type="xs:string"/>
            <xs:attribute name="src" type="xs:anyURI"/>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <!-- 4.2.11 source: the metadata of the feed an entry was copied from. -->
          <xs:complexType name="source">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="author" type="atom:person"/>
              <xs:element name="category" type="atom:category"/>
              <xs:element name="contributor" type="atom:person"/>
              <xs:element name="generator" type="atom:generator"/>
              <xs:element name="icon" type="atom:uri"/>
              <xs:element name="id" type="atom:uri"/>
              <xs:element name="link" type="atom:link"/>
              <xs:element name="logo" type="atom:uri"/>
              <xs:element name="rights" type="atom:text"/>
              <xs:element name="subtitle" type="atom:text"/>
              <xs:element name="title" type="atom:text"/>
              <xs:element name="updated" type="atom:dateElement"/>
              <xs:any namespace="##other" processContents="lax"/>
            </xs:choice>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <!-- 4.1.2 entry -->
          <xs:complexType name="entry">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="author" type="atom:person"/>
              <xs:element name="category" type="atom:category"/>
              <xs:element name="content" type="atom:content"/>
              <xs:element name="contributor" type="atom:person"/>
              <xs:element name="id" type="atom:uri"/>
              <xs:element name="link" type="atom:link"/>
              <xs:element name="published" type="atom:dateElement"/>
              <xs:element name="rights" type="atom:text"/>
              <xs:element name="source" type="atom:source"/>
              <xs:element name="summary" type="atom:text"/>
              <xs:element name="title" type="atom:text"/>
              <xs:element name="updated" type="atom:dateElement"/>
              <xs:any namespace="##other" processContents="lax"/>
            </xs:choice>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>

          <!-- 4.1.1 feed -->
          <xs:element name="feed">
            <xs:complexType>
              <xs:choice minOccurs="0" maxOccurs="unbounded">
                <xs:element name="author" type="atom:person"/>
                <xs:element name="category" type="atom:category"/>
                <xs:element name="contributor" type="atom:person"/>
                <xs:element name="generator" type="atom:generator"/>
                <xs:element name="icon" type="atom:uri"/>
                <xs:element name="id" type="atom:uri"/>
                <xs:element name="link" type="atom:link"/>
                <xs:element name="logo" type="atom:uri"/>
                <xs:element name="rights" type="atom:text"/>
                <xs:element name="subtitle" type="atom:text"/>
                <xs:element name="title" type="atom:text"/>
                <xs:element name="updated" type="atom:dateElement"/>
                <xs:element name="entry" type="atom:entry"/>
                <xs:any namespace="##other" processContents="lax"/>
              </xs:choice>
              <xs:anyAttribute namespace="##other" processContents="lax"/>
            </xs:complexType>
          </xs:element>

          <xs:element name="entry" type="atom:entry"/>
        </xs:schema>
        """;

    private static readonly XmlSchemaSet Schemas = Load();

    /// <summary>Everything wrong with the document, empty when it is a valid Atom feed.</summary>
    public static List<string> Violations(byte[] document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
        {
            // "Could not find schema information" for foreign (lax) markup is what lax means, not a fault.
            if (e.Severity == XmlSeverityType.Error)
                problems.Add($"schema: {e.Message} (line {e.Exception?.LineNumber})");
        };
        using (var reader = XmlReader.Create(new MemoryStream(document), settings))
        {
            while (reader.Read())
            {
            }
        }
        problems.AddRange(Rules(XDocument.Load(new MemoryStream(document))));
        return problems;
    }

    /// <summary>The cardinality rules of sections 4.1.1 and 4.1.2, and the self link the issue asks for.</summary>
    private static IEnumerable<string> Rules(XDocument document)
    {
        XNamespace a = Atom;
        var feed = document.Root!;
        if (feed.Name != a + "feed")
            yield return $"the root is {feed.Name}, not atom:feed";
        foreach (var problem in ExactlyOne(feed, "feed", "id", "title", "updated"))
            yield return problem;
        foreach (var problem in AtMostOne(feed, "feed", "generator", "icon", "logo", "rights", "subtitle"))
            yield return problem;
        foreach (var problem in Links(feed, "feed"))
            yield return problem;
        if (!feed.Elements(a + "link").Any(l => (string?)l.Attribute("rel") == "self"))
            yield return "feed: no link rel=\"self\"";
        if (!IsAbsoluteIri((string?)feed.Element(a + "id")))
            yield return "feed: the id is not an absolute IRI";

        var entries = feed.Elements(a + "entry").ToList();
        if (!feed.Elements(a + "author").Any() && entries.Any(e => !e.Elements(a + "author").Any()))
            yield return "feed: no author, and an entry without one";
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            var where = $"entry {index + 1}";
            foreach (var problem in ExactlyOne(entry, where, "id", "title", "updated"))
                yield return problem;
            foreach (var problem in AtMostOne(entry, where, "content", "published", "rights", "source", "summary"))
                yield return problem;
            foreach (var problem in Links(entry, where))
                yield return problem;
            var content = entry.Element(a + "content");
            if (content is null && !entry.Elements(a + "link").Any(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate"))
                yield return $"{where}: neither content nor an alternate link";
            if (content?.Attribute("src") is not null && entry.Element(a + "summary") is null)
                yield return $"{where}: content out of line without a summary";
            if (!IsAbsoluteIri((string?)entry.Element(a + "id")))
                yield return $"{where}: the id is not an absolute IRI";
            if (content is not null && (string?)content.Attribute("type") is "text" or "html" or null && content.HasElements)
                yield return $"{where}: text or html content with child elements";
        }
        foreach (var duplicate in entries.GroupBy(e => (string?)e.Element(a + "id")).Where(g => g.Count() > 1))
            yield return $"two entries share the id {duplicate.Key}";
    }

    private static IEnumerable<string> ExactlyOne(XElement parent, string where, params string[] names) =>
        names.Select(n => (n, parent.Elements(XName.Get(n, Atom)).Count())).Where(p => p.Item2 != 1)
            .Select(p => $"{where}: {p.Item2} atom:{p.n} elements, exactly one required");

    private static IEnumerable<string> AtMostOne(XElement parent, string where, params string[] names) =>
        names.Select(n => (n, parent.Elements(XName.Get(n, Atom)).Count())).Where(p => p.Item2 > 1)
            .Select(p => $"{where}: {p.Item2} atom:{p.n} elements, at most one allowed");

    /// <summary>No two alternate links with the same type and hreflang.</summary>
    private static IEnumerable<string> Links(XElement parent, string where) =>
        parent.Elements(XName.Get("link", Atom))
            .Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
            .GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")))
            .Where(g => g.Count() > 1)
            .Select(g => $"{where}: two alternate links of type {g.Key.Item1} and hreflang {g.Key.Item2}");

    private static bool IsAbsoluteIri(string? value) =>
        value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Scheme.Length > 0;

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(new StringReader(Xsd), (_, e) => throw e.Exception)!);
        set.Compile();
        return set;
    }
}
