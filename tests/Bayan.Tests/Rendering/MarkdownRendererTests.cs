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
}
