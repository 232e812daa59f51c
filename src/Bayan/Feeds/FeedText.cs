using System.Globalization;
using System.Text;
using System.Xml;

namespace Bayan.Feeds;

/// <summary>Dates and text as the feed specifications want them, shared by the writers (and the sitemaps).</summary>
public static class FeedText
{
    /// <summary>RFC 3339 in UTC, "2024-11-21T10:30:00Z": Atom, JSON Feed, sitemaps.</summary>
    public static string Rfc3339(DateTime utc) =>
        AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 with a four-digit year, as RSS 2.0 asks: "Thu, 21 Nov 2024 10:30:00 GMT".</summary>
    public static string Rfc822(DateTime utc) =>
        AsUtc(utc).ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    public static XmlWriterSettings XmlSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = " ",
        NewLineChars = "\n",
    };

    /// <summary>
    /// Text without the characters XML 1.0 cannot carry (control characters, lone surrogates): an
    /// editor's stray character must not turn a feed into an error.
    /// </summary>
    public static string Clean(string text)
    {
        if (IsClean(text))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (!XmlConvert.IsXmlChar(c))
                return false;
        }
        return true;
    }

    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
