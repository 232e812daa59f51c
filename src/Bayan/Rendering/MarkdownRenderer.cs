using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Bayan.Rendering;

/// <summary>
/// Turns an author's Markdown into HTML that is safe to put on a public page. Editors may write
/// inline HTML, so every result goes through the sanitiser: no script, no event handler, no style.
/// Each block takes its direction from its own text, so an Arabic verse quoted in an English release
/// reads right to left, and a bare address or e-mail stays left to right inside Arabic text.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UseFootnotes()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>What a reader reads, without markup: the text search indexes and quotes in snippets.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
            sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
                SetDirection(element);
        };
        return sanitizer;
    }

    private static readonly HashSet<string> OwnDirectionBlocks =
        new(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "dt", "dd", "td", "th", "figcaption"], StringComparer.Ordinal);

    /// <summary>A direction the author set stays; a block without one gets dir="auto", a written-out address dir="ltr".</summary>
    private static void SetDirection(IElement element)
    {
        if (element.HasAttribute("dir"))
            return;
        if (OwnDirectionBlocks.Contains(element.LocalName))
            element.SetAttribute("dir", "auto");
        else if (element.LocalName == "a" && IsWrittenOutAddress(element))
            element.SetAttribute("dir", "ltr");
    }

    /// <summary>A link whose text is its own address ("https://…", "press@…"), as autolinks write them.</summary>
    private static bool IsWrittenOutAddress(IElement link)
    {
        var text = link.TextContent.Trim();
        var href = link.GetAttribute("href") ?? "";
        return text.Length > 0 && (href == text || href == "mailto:" + text || href == "tel:" + text || href.TrimEnd('/') == text.TrimEnd('/'));
    }
}
