using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Bayan.Importing.WordPress;

/// <summary>A post's body as Bayan keeps it (Markdown, with HTML blocks where Markdown has no form) and the shortcodes left in it.</summary>
public sealed record ConvertedContent(string Markdown, IReadOnlyList<string> Shortcodes);

/// <summary>
/// Turns a WordPress post into a release body. WordPress stores posts as HTML without paragraphs (a blank
/// line is a paragraph, a single line break a &lt;br&gt;), with the block editor's comments around each
/// block and shortcodes in square brackets. The comments go (their HTML stays), [caption] becomes a figure
/// with its caption, other shortcodes stay as text and are named, and the rest becomes Markdown. Nothing
/// here makes HTML safe: the body is rendered through <see cref="Rendering.MarkdownRenderer"/> like any other.
/// </summary>
public static partial class WordPressContent
{
    private static readonly HtmlParser Parser = new();

    /// <param name="mapUrl">A new address for an old one (an imported attachment's file); null keeps it.</param>
    public static ConvertedContent ToMarkdown(string html, Func<string, string?>? mapUrl = null)
    {
        var text = BlockComment().Replace(html ?? "", "");
        text = Caption().Replace(text, CaptionFigure);
        var shortcodes = Shortcode().Matches(text).Select(m => m.Groups["name"].Value.ToLowerInvariant()).Distinct().Order().ToList();
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + text + "</body></html>");
        var markdown = new MarkdownWriter(mapUrl ?? (_ => null)).Write(document.Body!);
        return new ConvertedContent(markdown, shortcodes);
    }

    /// <summary>Plain text of a title or excerpt: tags out, entities read, and no "&lt;" that a rule would take for markup.</summary>
    public static string PlainText(string html)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(BlockComment().Replace(html ?? "", ""), ""));
        return Spaces().Replace(text.Replace('<', '‹').Replace('>', '›'), " ").Trim();
    }

    /// <summary>[caption id="…" align="…" width="300"]&lt;img …&gt; The text[/caption], the image maybe inside a link.</summary>
    private static string CaptionFigure(Match match)
    {
        var inner = match.Groups["inner"].Value;
        var image = CaptionImage().Match(inner);
        if (!image.Success)
            return inner;
        var caption = inner[(image.Index + image.Length)..].Trim();
        // Before WordPress 3.4 the caption was an attribute: caption="The text".
        if (caption.Length == 0 && CaptionAttribute().Match(match.Groups["attributes"].Value) is { Success: true } attribute)
            caption = attribute.Groups["text"].Value;
        return caption.Length == 0
            ? $"<figure>{image.Value}</figure>"
            : $"<figure>{image.Value}<figcaption>{caption}</figcaption></figure>";
    }

    [GeneratedRegex(@"<!--\s*/?wp:.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"\[caption(?<attributes>[^\]]*)\](?<inner>.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionImage();

    [GeneratedRegex(@"\bcaption=""(?<text>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionAttribute();

    /// <summary>An opening shortcode: [gallery ids="1,2"], [embed], [contact-form-7 id="5"].</summary>
    [GeneratedRegex(@"\[(?<name>[a-zA-Z][\w-]*)(?:\s[^\[\]]*)?/?\]")]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
