using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Bayan.Importing.WordPress;

/// <summary>
/// Writes parsed WordPress HTML as Markdown: paragraphs (WordPress's blank lines and single line breaks
/// included), headings, lists, quotes, code, links, emphasis and images in Markdown's own forms; tables,
/// figures and anything Markdown has no form for as HTML blocks, which the renderer sanitises.
/// </summary>
internal sealed partial class MarkdownWriter(Func<string, string?> mapUrl)
{
    /// <summary>Stands for a &lt;br&gt; until paragraphs are cut; never in text (a control character).</summary>
    private const char Break = '\u000B';

    private static readonly HashSet<string> Unwrapped = new(["div", "section", "article", "main", "header", "footer", "aside", "nav", "center"], StringComparer.Ordinal);

    private static readonly HashSet<string> Dropped = new(["script", "style", "noscript", "template", "link", "meta"], StringComparer.Ordinal);

    private static readonly HashSet<string> Blocks = new(
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table", "figure", "dl", "video", "audio",
            "iframe", "object", "embed", "address", "details", "form", "fieldset", "canvas", .. Unwrapped, .. Dropped], StringComparer.Ordinal);

    /// <summary>Block tags CommonMark reads as an HTML block wherever the tag's line goes on; others are wrapped in a div.</summary>
    private static readonly HashSet<string> HtmlBlockTags = new(["table", "figure", "dl", "iframe", "address", "details", "form", "fieldset"], StringComparer.Ordinal);

    private static readonly HashSet<string> KeptInline = new(["sup", "sub", "u", "mark", "small", "q", "cite", "abbr", "kbd", "time", "ins", "bdi", "bdo", "dfn", "var", "samp"], StringComparer.Ordinal);

    private static readonly string[] NoiseAttributes = ["class", "id", "style", "srcset", "sizes", "loading", "decoding", "fetchpriority"];

    public string Write(IElement body) => string.Join("\n\n", BlocksOf(body)).Trim();

    private List<string> BlocksOf(INode parent)
    {
        var blocks = new List<string>();
        var inline = new StringBuilder();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && Blocks.Contains(element.LocalName))
            {
                Paragraphs(inline.ToString(), blocks);
                inline.Clear();
                Block(element, blocks);
            }
            else
            {
                inline.Append(Inline(node));
            }
        }
        Paragraphs(inline.ToString(), blocks);
        return blocks;
    }

    private void Block(IElement element, List<string> blocks)
    {
        var name = element.LocalName;
        switch (name)
        {
            case "p":
                Paragraphs(InlineOf(element), blocks);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var heading = OneLine(InlineOf(element));
                if (heading.Length > 0)
                    blocks.Add(new string('#', name[1] - '0') + " " + heading);
                break;
            case "ul" or "ol":
                if (List(element) is { Length: > 0 } list)
                    blocks.Add(list);
                break;
            case "blockquote":
                var quoted = string.Join("\n\n", BlocksOf(element));
                if (quoted.Length > 0)
                    blocks.Add(string.Join("\n", quoted.Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l)));
                break;
            case "pre":
                var code = element.TextContent.Trim('\n');
                var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
                blocks.Add($"{fence}\n{code}\n{fence}");
                break;
            case "hr":
                blocks.Add("---");
                break;
            default:
                if (Unwrapped.Contains(name))
                    blocks.AddRange(BlocksOf(element));
                else if (!Dropped.Contains(name))
                    blocks.Add(HtmlBlock(element));
                break;
        }
    }

    private string List(IElement list)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        var items = new List<string>();
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = ordered ? $"{number++}. " : "- ";
            var parts = BlocksOf(item);
            var text = new StringBuilder();
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0)
                    text.Append(IsList(parts[i]) ? "\n" : "\n\n");
                text.Append(parts[i]);
            }
            var indent = new string(' ', marker.Length);
            items.Add(marker + string.Join("\n", text.ToString().Split('\n').Select((l, i) => i == 0 || l.Length == 0 ? l : indent + l)));
        }
        return string.Join("\n", items);
    }

    private static bool IsList(string block) => ListStart().IsMatch(block);

    /// <summary>Kept as HTML, without the classes and sizes WordPress's themes needed, its addresses mapped; no blank line ends it early.</summary>
    private string HtmlBlock(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var e in copy.DescendantsAndSelf<IElement>().ToList())
        {
            foreach (var attribute in e.Attributes.Select(a => a.Name).ToList())
            {
                if (NoiseAttributes.Contains(attribute) || attribute.StartsWith("data-", StringComparison.Ordinal))
                    e.RemoveAttribute(attribute);
            }
            foreach (var attribute in new[] { "src", "href" })
            {
                if (e.GetAttribute(attribute) is { } url && mapUrl(url) is { } mapped)
                    e.SetAttribute(attribute, mapped);
            }
        }
        var html = BlankLines().Replace(copy.OuterHtml.Trim(), "\n");
        return HtmlBlockTags.Contains(element.LocalName) ? html : $"<div>{html}</div>";
    }

    private string InlineOf(INode parent)
    {
        var text = new StringBuilder();
        foreach (var node in parent.ChildNodes)
            text.Append(Inline(node));
        return text.ToString();
    }

    private string Inline(INode node)
    {
        if (node is IText text)
            return Escape(InlineSpaces().Replace(text.Data.Replace("\r\n", "\n"), " "));
        if (node is not IElement element)
            return "";
        var name = element.LocalName;
        switch (name)
        {
            case "br":
                return Break.ToString();
            case "img":
                var src = element.GetAttribute("src") ?? "";
                if (src.Length == 0)
                    return "";
                var alt = Escape(OneLine(element.GetAttribute("alt") ?? ""));
                return $"![{alt}]({Destination(mapUrl(src) ?? src)})";
            case "a":
                var inner = InlineOf(element);
                var href = element.GetAttribute("href") ?? "";
                if (href.Length == 0 || inner.Trim().Length == 0)
                    return inner;
                return $"[{inner.Replace(Break, ' ').Trim()}]({Destination(mapUrl(href) ?? href)})";
            case "strong" or "b":
                return Wrap("**", InlineOf(element));
            case "em" or "i":
                return Wrap("*", InlineOf(element));
            case "del" or "s" or "strike":
                return Wrap("~~", InlineOf(element));
            case "code" or "tt":
                var code = element.TextContent;
                if (code.Length == 0)
                    return "";
                var ticks = new string('`', LongestRun(code, '`') + 1);
                return code.StartsWith('`') || code.EndsWith('`') ? $"{ticks} {code} {ticks}" : $"{ticks}{code}{ticks}";
            default:
                if (Dropped.Contains(name))
                    return "";
                var content = InlineOf(element);
                return KeptInline.Contains(name) && content.Trim().Length > 0 ? $"<{name}>{content}</{name}>" : content;
        }
    }

    /// <summary>WordPress's paragraphs: a blank line ends one, a single line break (or a &lt;br&gt;) is a break inside it.</summary>
    private static void Paragraphs(string inline, List<string> blocks)
    {
        foreach (var part in BlankLines().Split(inline))
        {
            var lines = part.Replace(Break, '\n').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(EscapeLineStart).ToList();
            if (lines.Count > 0)
                blocks.Add(string.Join("\\\n", lines));
        }
    }

    /// <summary>Text that Markdown would read as markup at a line's start (a heading, a list, a quote) stays text.</summary>
    private static string EscapeLineStart(string line)
    {
        if (line[0] is '#' or '-' or '+' or '=' or '>')
            return "\\" + line;
        var number = OrderedStart().Match(line);
        return number.Success ? line.Insert(number.Groups[1].Length, "\\") : line;
    }

    private static string OneLine(string inline) => Spaces().Replace(inline.Replace(Break, ' '), " ").Trim();

    private static string Wrap(string marker, string inner)
    {
        var trimmed = inner.Trim();
        if (trimmed.Length == 0)
            return inner;
        var before = inner[..(inner.Length - inner.TrimStart().Length)];
        var after = inner[inner.TrimEnd().Length..];
        return before + marker + trimmed + marker + after;
    }

    /// <summary>A link's address in angle brackets when it has spaces or parentheses Markdown would stop at.</summary>
    private static string Destination(string url) =>
        url.IndexOfAny([' ', '(', ')', '<', '>']) >= 0 ? "<" + url.Replace("<", "%3C").Replace(">", "%3E") + ">" : url;

    private static string Escape(string text) => DoubledExtras().Replace(Entity().Replace(Special().Replace(text, @"\$0"), @"\&"), @"$1\$1");

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    [GeneratedRegex(@"[\\`*_\[\]<~^]")]
    private static partial Regex Special();

    [GeneratedRegex(@"&(?=#?[A-Za-z0-9]+;)")]
    private static partial Regex Entity();

    /// <summary>"++" and "==" are inserted and marked text to the renderer's extras.</summary>
    [GeneratedRegex(@"([+=])\1")]
    private static partial Regex DoubledExtras();

    [GeneratedRegex(@"^(\d+)[.)](\s|$)")]
    private static partial Regex OrderedStart();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"[ \t\f]+")]
    private static partial Regex InlineSpaces();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
