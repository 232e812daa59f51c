using Ganss.Xss;
using Markdig;

namespace Bayan.Rendering;

/// <summary>
/// Turns an author's Markdown into HTML that is safe to put on a public page. Editors may write
/// inline HTML, so every result goes through the sanitiser: no script, no event handler, no style.
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
        return sanitizer;
    }
}
