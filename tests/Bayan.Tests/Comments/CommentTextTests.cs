using Bayan.Comments;

namespace Bayan.Tests.Comments;

public sealed class CommentTextTests
{
    [Theory]
    [InlineData("<b>bold</b>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("hello <img src=x onerror=alert(1)>")]
    [InlineData("< a href='x'>x")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("&#60;iframe src=x&#62;")]
    [InlineData("&#x3C;svg onload=alert(1)&#x3E;")]
    [InlineData("&amp;lt;b&amp;gt;twice hidden")]
    [InlineData("<!-- comment -->")]
    [InlineData("</p>")]
    [InlineData("a<b>c")]
    public void Markup_is_found_however_it_is_dressed(string text) =>
        Assert.True(CommentText.ContainsMarkup(text));

    [Theory]
    [InlineData("I think 3 < 5 and 7 > 2.")]
    [InlineData("شكرًا لوزارة الصحة على هذه الحملة")]
    [InlineData("Tom & Jerry")]
    [InlineData("a<5")]
    [InlineData("a<b")]
    [InlineData("x <y")]
    [InlineData("<script")]
    public void Plain_text_passes(string text) =>
        Assert.False(CommentText.ContainsMarkup(text));

    [Fact]
    public void Text_is_encoded_with_line_breaks_and_links_that_pass_no_reputation() =>
        Assert.Equal(
            "Tom &amp; Jerry: 3 &lt; 5<br>\nsee <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc\">https://example.org/a?b=1&amp;c=2</a>.",
            CommentText.ToHtml("Tom & Jerry: 3 < 5\nsee https://example.org/a?b=1&c=2."));

    [Fact]
    public void Nul_and_other_control_characters_are_found_and_taken_out_but_line_breaks_stay()
    {
        Assert.True(CommentText.HasControlCharacters("a\0b"));
        Assert.True(CommentText.HasControlCharacters("bell\u0007"));
        Assert.False(CommentText.HasControlCharacters("line\r\nnext\ttab"));
        Assert.Equal("ab\nc", CommentText.WithoutControlCharacters("a\0b\nc\u001b"));
    }
}
