using Bayan.Search;

namespace Bayan.Tests.Search;

/// <summary>The words of a query found in the original a reader sees, whatever form of a letter either has.</summary>
public sealed class MarkedTextTests
{
    [Fact]
    public void Marks_land_on_the_original_words_with_their_hamzas_and_capitals()
    {
        var text = MarkedText.Find("قال أَحْمَدُ: نعم", Query("احمد"));
        Assert.True(text.HasMarks);
        Assert.Equal("قال <mark>أَحْمَدُ</mark>: نعم", text.WholeHtml());

        Assert.Equal("The <mark>WATER</mark> authority", MarkedText.Find("The WATER authority", Query("water")).WholeHtml());
    }

    [Fact]
    public void Everything_but_the_marks_is_escaped()
    {
        var text = MarkedText.Find("<script>alert(1)</script> & water", Query("water"));
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>water</mark>", text.WholeHtml());
    }

    [Fact]
    public void A_phrase_is_marked_only_where_its_words_stand_together_in_order()
    {
        var text = MarkedText.Find("Water authority: the authority of water.", Query("\"water authority\""));
        Assert.Equal("<mark>Water authority</mark>: the authority of water.", text.WholeHtml());
        Assert.False(MarkedText.Find("the authority of water", Query("\"water authority\"")).HasMarks);
    }

    [Fact]
    public void An_Arabic_word_is_marked_with_or_without_its_article_and_particles_and_only_that_word()
    {
        var text = MarkedText.Find("حملة للتطعيم وتطعيم الكبار، والتطعيمات لاحقًا؛ وزير التطعيم", Query("التطعيم"));
        Assert.Equal("حملة <mark>للتطعيم وتطعيم</mark> الكبار، والتطعيمات لاحقًا؛ وزير <mark>التطعيم</mark>", text.WholeHtml());

        Assert.Equal("<mark>بالروضة</mark> روضات", MarkedText.Find("بالروضة روضات", Query("روضة")).WholeHtml());
    }

    [Fact]
    public void A_snippet_is_a_window_of_words_around_the_first_mark()
    {
        var words = Enumerable.Range(1, 100).Select(i => $"w{i}").ToList();
        words[60] = "water";
        var snippet = MarkedText.Find(string.Join(' ', words), Query("water")).SnippetHtml(10);
        Assert.Contains("<mark>water</mark>", snippet);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain("w1 ", snippet);
    }

    [Fact]
    public void A_snippet_is_one_line_with_every_mark_and_only_the_words_around_them()
    {
        var text = MarkedText.Find("Intro.\r\n\r\nThe  water\tauthority & the WATER  authority said: <water>.\nEnd of text here", Query("\"water authority\""));
        Assert.Equal("Intro. The <mark>water authority</mark> &amp; the <mark>WATER authority</mark> …", text.SnippetHtml(7));
    }

    private static SearchQuery Query(string text) => SearchQuery.Parse(text, out _)!;
}
