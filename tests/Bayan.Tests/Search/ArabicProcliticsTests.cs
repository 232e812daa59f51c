using Bayan.Search;

namespace Bayan.Tests.Search;

/// <summary>
/// The article and the particles Arabic joins to a word, on normalised words: what the index holds of
/// each, and which words of the index a reader's word finds.
/// </summary>
public sealed class ArabicProcliticsTests
{
    [Theory]
    // The article, and every particle that may stand before it, come off.
    [InlineData("التطعيم", "تطعيم")]
    [InlineData("والتطعيم", "تطعيم")]
    [InlineData("فالتطعيم", "تطعيم")]
    [InlineData("بالتطعيم", "تطعيم")]
    [InlineData("كالتطعيم", "تطعيم")]
    [InlineData("للتطعيم", "تطعيم")]
    [InlineData("وللتطعيم", "تطعيم")]
    [InlineData("فللتطعيم", "تطعيم")]
    [InlineData("وبالتطعيم", "تطعيم")]
    [InlineData("فبالتطعيم", "تطعيم")]
    [InlineData("وكالتطعيم", "تطعيم")]
    [InlineData("فكالتطعيم", "تطعيم")]
    [InlineData("الروضه", "روضه")]
    [InlineData("والروضه", "روضه")]
    // A word whose own first letters are ال loses them too, with or without the article, so both stay one word.
    [InlineData("التزام", "تزام")]
    [InlineData("الالتزام", "تزام")]
    [InlineData("بالالتزام", "تزام")]
    [InlineData("الكتروني", "كتروني")]
    [InlineData("الالكتروني", "كتروني")]
    public void The_article_and_what_stands_before_it_come_off(string word, string stem)
    {
        Assert.Equal(stem, ArabicProclitics.Strip(word));
    }

    [Theory]
    // A particle alone never comes off: its letter is as often the word's own.
    [InlineData("وزير")]
    [InlineData("وزاره")]
    [InlineData("فريق")]
    [InlineData("بيت")]
    [InlineData("برنامج")]
    [InlineData("كتاب")]
    [InlineData("لجنه")]
    [InlineData("وتطعيم")]
    [InlineData("بتطعيم")]
    [InlineData("وبتطعيم")]
    // Words whose first letters look like the article, with fewer than three letters after it.
    [InlineData("الله")]
    [InlineData("الي")]
    [InlineData("الم")]
    [InlineData("البث")]
    [InlineData("بالغ")]
    [InlineData("بالون")]
    [InlineData("والده")]
    [InlineData("فلل")]
    [InlineData("لله")]
    // Short words and words of other scripts are left alone.
    [InlineData("ال")]
    [InlineData("في")]
    [InlineData("alphabet")]
    [InlineData("1446")]
    public void Words_that_only_begin_with_those_letters_stay_whole(string word)
    {
        Assert.Equal(word, ArabicProclitics.Strip(word));
    }

    [Fact]
    public void A_word_finds_its_stem_and_the_stem_with_each_particle()
    {
        var forms = ArabicProclitics.Forms("تطعيم");

        Assert.Equal("تطعيم", forms[0]);
        Assert.Equal(
            ["تطعيم", "وتطعيم", "فتطعيم", "بتطعيم", "كتطعيم", "لتطعيم", "وبتطعيم", "وكتطعيم", "ولتطعيم", "فبتطعيم", "فكتطعيم", "فلتطعيم"],
            forms);
        // With the article typed, the same: what the index holds of التطعيم and of تطعيم is one word.
        Assert.Equal(forms, ArabicProclitics.Forms("التطعيم"));
        Assert.Equal(forms, ArabicProclitics.Forms("للتطعيم"));
    }

    [Fact]
    public void A_word_that_begins_with_a_particle_letter_finds_itself_with_particles_not_what_follows_the_letter()
    {
        var forms = ArabicProclitics.Forms("وزير");

        Assert.Contains("وزير", forms);   // الوزير, والوزير, للوزير are held as وزير
        Assert.Contains("لوزير", forms);
        Assert.Contains("ووزير", forms);
        Assert.DoesNotContain("زير", forms);
    }

    [Fact]
    public void A_short_word_finds_itself_with_the_article_which_the_index_keeps_on_it()
    {
        var forms = ArabicProclitics.Forms("بث");

        Assert.Contains("بث", forms);
        Assert.Contains("البث", forms);
        Assert.Contains("للبث", forms);
        Assert.Contains("وبالبث", forms);
        // No particle alone before two letters: حر must not find بحر, nor طن وطن.
        Assert.DoesNotContain("وبث", forms);
        Assert.DoesNotContain("بحر", ArabicProclitics.Forms("حر"));
        Assert.DoesNotContain("وطن", ArabicProclitics.Forms("طن"));
        // And الله finds بالله and والله, never له.
        Assert.Contains("بالله", ArabicProclitics.Forms("الله"));
        Assert.DoesNotContain("له", ArabicProclitics.Forms("الله"));
    }

    [Fact]
    public void Words_of_other_scripts_have_one_form()
    {
        Assert.Equal(["water"], ArabicProclitics.Forms("water"));
        Assert.Equal(["1446"], ArabicProclitics.Forms("1446"));
    }
}
