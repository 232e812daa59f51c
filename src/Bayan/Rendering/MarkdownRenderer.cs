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
public static partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UseFootnotes()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Bodies rendered ahead of their save, by the very text object that will be saved (an import renders on a thread of its own).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> Rendered = [];

    public static string ToSafeHtml(string markdown) =>
        Rendered.TryGetValue(markdown, out var html) ? html : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>
    /// Renders a body now, so that <see cref="ToSafeHtml"/> given this same string object later (when an operation saves
    /// it) finds the result instead of rendering again; forgotten with the string. Lets an import render on another core.
    /// </summary>
    public static void RenderAhead(string markdown) =>
        Rendered.AddOrUpdate(markdown, Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));

    /// <summary>
    /// The safe HTML and what the sanitiser took out on the way, for the editor's preview: tags and
    /// attributes it removed, and whether text went with them (an unclosed "&lt;script" hides all that follows).
    /// </summary>
    public static SanitisedHtml ToSafeHtmlNotingRemovals(string markdown)
    {
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        // A sanitiser of its own: its events report on this text only.
        var sanitizer = CreateSanitizer();
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}>");
        // Ids and classes (footnotes have them) change nothing a reader sees: not worth a warning.
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Attribute.Name is not ("id" or "class"))
                removed.Add(e.Attribute.Name);
        };
        sanitizer.RemovingStyle += (_, e) => removed.Add("style");
        var unsafeHtml = Markdown.ToHtml(markdown, Pipeline);
        var html = sanitizer.Sanitize(unsafeHtml);
        // The sanitised HTML has only complete tags, so the same reading gives the text readers will see.
        return new SanitisedHtml(html, [.. removed], Letters(TextOf(unsafeHtml)) > Letters(TextOf(html)));
    }

    /// <summary>The text of HTML as written: only complete tags are markup; what a browser would swallow still counts.</summary>
    private static string TextOf(string html) =>
        System.Net.WebUtility.HtmlDecode(CompleteTag().Replace(html, ""));

    private static int Letters(string text) => text.Count(c => !char.IsWhiteSpace(c));

    [System.Text.RegularExpressions.GeneratedRegex(@"<[a-zA-Z/!?][^<>]*>")]
    private static partial System.Text.RegularExpressions.Regex CompleteTag();

    /// <summary>What a reader reads, without markup: the text search indexes and quotes in snippets.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        // No form controls: a release is read, not filled in (an open <textarea> swallows the text after it).
        foreach (var control in new[] { "form", "input", "textarea", "select", "option", "optgroup", "button", "datalist", "fieldset", "legend", "label", "output" })
            sanitizer.AllowedTags.Remove(control);
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

/// <summary>Sanitised HTML with what was taken out of it: tag and attribute names, and whether text went too.</summary>
public sealed record SanitisedHtml(string Html, IReadOnlyList<string> Removed, bool TextLost)
{
    public bool Changed => Removed.Count > 0 || TextLost;
}
