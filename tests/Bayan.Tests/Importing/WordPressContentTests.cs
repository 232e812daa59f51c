using Bayan.Importing.WordPress;
using Bayan.Rendering;

namespace Bayan.Tests.Importing;

public sealed class WordPressContentTests
{
    private static string Markdown(string html) => WordPressContent.ToMarkdown(html).Markdown;

    [Fact]
    public void Blank_lines_are_paragraphs_and_single_line_breaks_stay_breaks_as_wordpress_shows_them()
    {
        var markdown = Markdown("First paragraph.\nSecond line.\n\nSecond paragraph.\r\n\r\nثالث");

        Assert.Equal("First paragraph.\\\nSecond line.\n\nSecond paragraph.\n\nثالث", markdown);
        Assert.Equal("<p dir=\"auto\">First paragraph.<br>\nSecond line.</p>\n<p dir=\"auto\">Second paragraph.</p>\n<p dir=\"auto\">ثالث</p>\n",
            MarkdownRenderer.ToSafeHtml(markdown));
    }

    [Fact]
    public void Block_comments_go_and_their_html_stays()
    {
        var html = "<!-- wp:heading {\"level\":3} -->\n<h3 class=\"wp-block-heading\">العنوان</h3>\n<!-- /wp:heading -->\n\n"
            + "<!-- wp:paragraph -->\n<p>Text with <strong>bold</strong>, <em>emphasis</em> and <a href=\"https://example.org/x\">a link</a>.</p>\n<!-- /wp:paragraph -->";

        Assert.Equal("### العنوان\n\nText with **bold**, *emphasis* and [a link](https://example.org/x).", Markdown(html));
    }

    [Fact]
    public void Lists_nested_lists_and_quotes_become_markdown()
    {
        var html = "<ul>\n<li>one</li>\n<li>two<ul><li>two a</li></ul></li>\n</ul>\n<ol start=\"3\"><li>third</li><li>fourth</li></ol>\n"
            + "<blockquote><p>Quoted words.</p><p>— Someone</p></blockquote>";

        Assert.Equal("- one\n- two\n  - two a\n\n3. third\n4. fourth\n\n> Quoted words.\n>\n> — Someone", Markdown(html));
        var rendered = MarkdownRenderer.ToSafeHtml(Markdown(html));
        Assert.Contains("<ol start=\"3\">", rendered);
        Assert.Contains("<blockquote", rendered);
    }

    [Fact]
    public void Tables_stay_tables_and_images_keep_their_alt_text()
    {
        var html = "<figure class=\"wp-block-table\"><table><thead><tr><th>المنطقة</th><th>العدد</th></tr></thead>\n\n<tbody><tr><td>الشمال</td><td>3</td></tr></tbody></table></figure>\n\n"
            + "<p><img class=\"wp-image-5\" src=\"https://old.example.org/wp-content/uploads/a.jpg\" alt=\"مركز صحي\" width=\"300\" srcset=\"x 300w\"></p>";

        var markdown = Markdown(html);
        var rendered = MarkdownRenderer.ToSafeHtml(markdown);

        Assert.Contains("<table>", rendered);
        Assert.Contains("<td dir=\"auto\">الشمال</td>", rendered);
        Assert.Contains("![مركز صحي](https://old.example.org/wp-content/uploads/a.jpg)", markdown);
        Assert.DoesNotContain("wp-block-table", markdown);
        Assert.DoesNotContain("srcset", markdown);
    }

    [Fact]
    public void A_caption_shortcode_becomes_a_figure_with_its_caption()
    {
        var html = "Before.\n\n[caption id=\"attachment_5\" align=\"aligncenter\" width=\"300\"]<a href=\"https://old.example.org/a.jpg\"><img src=\"https://old.example.org/a.jpg\" alt=\"الوزير\" width=\"300\" /></a> الوزير يفتتح المركز[/caption]\n\nAfter.";

        var converted = WordPressContent.ToMarkdown(html);
        var rendered = MarkdownRenderer.ToSafeHtml(converted.Markdown);

        Assert.Contains("<figure>", rendered);
        Assert.Contains("<figcaption dir=\"auto\">الوزير يفتتح المركز</figcaption>", rendered);
        Assert.Contains("alt=\"الوزير\"", rendered);
        Assert.Empty(converted.Shortcodes);
        Assert.StartsWith("Before.\n\n<figure>", converted.Markdown);
        Assert.EndsWith("</figure>\n\nAfter.", converted.Markdown);
    }

    [Fact]
    public void An_old_caption_given_as_an_attribute_is_a_caption_too()
    {
        var rendered = MarkdownRenderer.ToSafeHtml(Markdown("[caption id=\"a\" caption=\"The minister\"]<img src=\"https://old.example.org/a.jpg\" alt=\"\" />[/caption]"));

        Assert.Contains("<figcaption dir=\"auto\">The minister</figcaption>", rendered);
    }

    [Fact]
    public void Other_shortcodes_stay_as_text_and_are_named()
    {
        var converted = WordPressContent.ToMarkdown("[gallery ids=\"1,2,3\"]\n\nText [contact-form-7 id=\"5\" title=\"Contact\"] and [embed]https://example.org/v[/embed].");

        Assert.Equal(["contact-form-7", "embed", "gallery"], converted.Shortcodes);
        var rendered = MarkdownRenderer.ToSafeHtml(converted.Markdown);
        Assert.Contains("[gallery ids=\"1,2,3\"]", System.Net.WebUtility.HtmlDecode(rendered));
        Assert.Contains("[contact-form-7 id=\"5\" title=\"Contact\"]", System.Net.WebUtility.HtmlDecode(rendered));
    }

    [Theory]
    [InlineData("# not a heading", "<p dir=\"auto\"># not a heading</p>\n")]
    [InlineData("1. not a list", "<p dir=\"auto\">1. not a list</p>\n")]
    [InlineData("a *star* and _under_ [brackets]", "<p dir=\"auto\">a *star* and _under_ [brackets]</p>\n")]
    [InlineData("x &lt;script&gt;alert(1)&lt;/script&gt; y", "<p dir=\"auto\">x &lt;script&gt;alert(1)&lt;/script&gt; y</p>\n")]
    [InlineData("&amp;copy; stays text", "<p dir=\"auto\">&amp;copy; stays text</p>\n")]
    public void Text_that_looks_like_markdown_stays_the_text_it_was(string html, string expected) =>
        Assert.Equal(expected, MarkdownRenderer.ToSafeHtml(Markdown(html)));

    [Fact]
    public void Scripts_are_dropped_and_code_is_kept()
    {
        var markdown = Markdown("<p>Safe</p><script>alert(1)</script><pre>let x = 1;\n\nlet y = 2;</pre><p>Use <code>a*b</code>.</p>");

        Assert.Equal("Safe\n\n```\nlet x = 1;\n\nlet y = 2;\n```\n\nUse `a*b`.", markdown);
    }

    [Fact]
    public void Addresses_of_imported_files_are_replaced()
    {
        var markdown = WordPressContent.ToMarkdown("<img src=\"https://old.example.org/a.jpg\" alt=\"a\">\n\n<figure><img src=\"https://old.example.org/a.jpg\" alt=\"b\"></figure>",
            url => url == "https://old.example.org/a.jpg" ? "/media/2023/11/a.jpg" : null).Markdown;

        Assert.Equal("![a](/media/2023/11/a.jpg)\n\n<figure><img src=\"/media/2023/11/a.jpg\" alt=\"b\"></figure>", markdown);
    }

    [Fact]
    public void Titles_and_excerpts_are_plain_text()
    {
        Assert.Equal("Ministry & partners ‹b›", WordPressContent.PlainText("Ministry &amp; <em>partners</em> &lt;b&gt;"));
    }

    [Fact]
    public void The_report_lists_the_posts_of_a_shortcode_in_order_and_only_the_first_twenty()
    {
        var report = new Bayan.Importing.ImportReport(dryRun: false);
        foreach (var id in Enumerable.Range(1, 25).Reverse())
            report.Shortcode("gallery", id.ToString());

        var line = report.Describe("en").Single(l => l.StartsWith("  [gallery]", StringComparison.Ordinal));

        Assert.Equal("  [gallery]: " + string.Join(", ", Enumerable.Range(1, 20)) + " and 5 more", line);
    }
}
