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
}
