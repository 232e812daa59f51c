using Bayan.Search;

namespace Bayan.Tests.Search;

/// <summary>Marks an index put in normalised text, carried back to the original a reader sees.</summary>
public sealed class MarkedTextTests
{
    [Fact]
    public void Marks_land_on_the_original_words_with_their_hamzas_and_capitals()
    {
        var text = MarkedText.Read("قال أَحْمَدُ: نعم", "قال [احمد] نعم")!;
        Assert.True(text.HasMarks);
        Assert.Equal("قال <mark>أَحْمَدُ</mark>: نعم", text.WholeHtml());

        Assert.Equal("The <mark>WATER</mark> authority", MarkedText.Read("The WATER authority", "the [water] authority")!.WholeHtml());
    }

    [Fact]
    public void Everything_but_the_marks_is_escaped()
    {
        var text = MarkedText.Read("<script>alert(1)</script> & water", "script alert 1 script [water]")!;
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>water</mark>", text.WholeHtml());
    }

    [Fact]
    public void An_index_copy_that_is_not_of_this_text_gives_no_marks_rather_than_wrong_ones() =>
        Assert.Null(MarkedText.Read("new words here", "old [words] there"));

    [Fact]
    public void A_snippet_is_a_window_of_words_around_the_first_mark()
    {
        var words = Enumerable.Range(1, 100).Select(i => $"w{i}").ToList();
        words[60] = "water";
        var original = string.Join(' ', words);
        var marked = string.Join(' ', words.Select(w => w == "water" ? "[water]" : w));
        var snippet = MarkedText.Read(original, marked)!.SnippetHtml(10);
        Assert.Contains("<mark>water</mark>", snippet);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.DoesNotContain("w1 ", snippet);
    }
}
