using Bayan.Rendering;

namespace Bayan.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Markdown_becomes_html() =>
        Assert.Equal("<h2 dir=\"auto\">Heading</h2>\n<p dir=\"auto\"><strong>bold</strong> and <a href=\"https://example.org/\">link</a></p>\n",
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
        Assert.Equal("<p dir=\"auto\">أعلنت وزارة الصحة</p>\n", MarkdownRenderer.ToSafeHtml("أعلنت وزارة الصحة"));

    [Fact]
    public void Every_paragraph_heading_quote_and_list_item_takes_its_direction_from_its_own_text()
    {
        var html = MarkdownRenderer.ToSafeHtml("## Remarks\n\nThe minister quoted:\n\n> وَقُل رَّبِّ زِدْنِي عِلْمًا\n\n- first\n- ثانياً\n");

        Assert.Equal(
            "<h2 dir=\"auto\">Remarks</h2>\n<p dir=\"auto\">The minister quoted:</p>\n" +
            "<blockquote dir=\"auto\">\n<p dir=\"auto\">وَقُل رَّبِّ زِدْنِي عِلْمًا</p>\n</blockquote>\n" +
            "<ul>\n<li dir=\"auto\">first</li>\n<li dir=\"auto\">ثانياً</li>\n</ul>\n",
            html);
    }

    [Fact]
    public void A_direction_the_author_gave_stays()
    {
        var html = MarkdownRenderer.ToSafeHtml("<p dir=\"rtl\">Mixed 1445/03 text</p>");

        Assert.Contains("<p dir=\"rtl\">", html);
        Assert.DoesNotContain("auto", html);
    }

    [Fact]
    public void A_written_out_address_stays_left_to_right_inside_arabic_text()
    {
        var html = MarkdownRenderer.ToSafeHtml("للتواصل: <press@example.org> أو https://example.org/news/ للمزيد");

        Assert.Contains("<a href=\"mailto:press@example.org\" dir=\"ltr\">press@example.org</a>", html);
        Assert.Contains("<a href=\"https://example.org/news/\" dir=\"ltr\">https://example.org/news/</a>", html);
    }

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
