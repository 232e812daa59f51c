using Bayan.Rendering;

namespace Bayan.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Markdown_becomes_html() =>
        Assert.Equal("<h2>Heading</h2>\n<p><strong>bold</strong> and <a href=\"https://example.org/\">link</a></p>\n",
            MarkdownRenderer.ToSafeHtml("## Heading\n\n**bold** and [link](https://example.org/)"));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    public void Nothing_that_could_run_survives(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public void Arabic_text_is_kept_as_written() =>
        Assert.Equal("<p>أعلنت وزارة الصحة</p>\n", MarkdownRenderer.ToSafeHtml("أعلنت وزارة الصحة"));

    [Theory]
    [InlineData("Before <textarea>swallowed</textarea> after")]
    [InlineData("Before\n\n<textarea>\n\nafter")]
    [InlineData("<form><input name=x><button>Send</button><select><option>a</option></select></form>")]
    public void Form_controls_are_dropped(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        foreach (var tag in new[] { "<textarea", "<input", "<button", "<select", "<option", "<form" })
            Assert.DoesNotContain(tag, html);
    }

    [Fact]
    public void An_unclosed_script_is_reported_as_text_lost()
    {
        var result = MarkdownRenderer.ToSafeHtmlNotingRemovals("First paragraph.\n\n<script\n\nEverything after it, which readers never see.");

        Assert.True(result.TextLost);
        Assert.True(result.Changed);
        Assert.Contains("First paragraph.", result.Html);
        Assert.DoesNotContain("Everything after", result.Html);
    }

    [Fact]
    public void Removed_tags_and_attributes_are_named()
    {
        var result = MarkdownRenderer.ToSafeHtmlNotingRemovals("<p onclick=\"x()\">Hello</p>\n\n<textarea>typed</textarea>\n\n<script>alert(1)</script>");

        Assert.Equal(["<script>", "<textarea>", "onclick"], result.Removed);
        Assert.True(result.TextLost);
    }

    [Theory]
    [InlineData("## Heading\n\n**bold**, *it*, [link](https://example.org/) and `code`\n\n> quote\n\n- a\n- b")]
    [InlineData("A table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The note.")]
    [InlineData("3 < 5 and 7 > 2, Tom & Jerry, <b>allowed</b> markup")]
    [InlineData("أعلنت وزارة الصحة")]
    public void Ordinary_text_is_reported_unchanged(string markdown)
    {
        var result = MarkdownRenderer.ToSafeHtmlNotingRemovals(markdown);

        Assert.False(result.Changed, string.Join(", ", result.Removed) + (result.TextLost ? " and text" : ""));
        Assert.Equal(MarkdownRenderer.ToSafeHtml(markdown), result.Html);
    }
}
