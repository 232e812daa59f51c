using Bayan.Search;

namespace Bayan.Tests.Search;

/// <summary>The one normaliser both indexes and every query go through, against text written out by hand.</summary>
public sealed class SearchTextTests
{
    [Theory]
    // Arabic: harakat, shadda, sukun, superscript alef and tatweel go; hamza carriers, alef maqsura and teh marbuta fold.
    [InlineData("أَحْمَدُ", "احمد")]
    [InlineData("إسلام آباد", "اسلام اباد")]
    [InlineData("ٱلرَّحْمَٰن", "الرحمن")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مؤتمر", "موتمر")]
    [InlineData("رئيس", "رييس")]
    [InlineData("الميـــاه", "المياه")]
    [InlineData("وزارة الصحة، الرياض.", "وزاره الصحه الرياض")]
    // Persian and Urdu letters meet their Arabic forms; Arabic-Indic digits become 0-9.
    [InlineData("کتاب", "كتاب")]
    [InlineData("پاکستان", "پاكستان")]
    [InlineData("١٤٤٦/٠٣", "1446 03")]
    [InlineData("۱۴۰۳", "1403")]
    // Latin: lower case, accents gone, Turkish dotted and dotless i both plain i.
    [InlineData("Ministry of HEALTH", "ministry of health")]
    [InlineData("Café Müller", "cafe muller")]
    [InlineData("Cafe\u0301 Mu\u0308ller", "cafe muller")]
    [InlineData("one\r\ntwo\rthree\nfour", "one two three four")]
    [InlineData("İSTANBUL Iğdır ışık", "istanbul igdir isik")]
    [InlineData("Straße", "strasse")]
    [InlineData("Oʻzbekiston", "ozbekiston")]
    // Cyrillic: lower case, ё as е, stress marks gone.
    [InlineData("ЁЛКА", "елка")]
    [InlineData("Москва́", "москва")]
    // Compatibility forms are read as the letters they stand for: Arabic presentation forms, full-width Latin.
    [InlineData("ﻣﺴﺘﺸﻔﻰ", "مستشفي")]
    [InlineData("Ｗａｔｅｒ ２０２６", "water 2026")]
    // Anything that is not a letter or digit only separates words.
    [InlineData("  <b>x</b> & \"y\"  ", "b x b y")]
    [InlineData("e-mail: a@b.org", "e mail a b org")]
    [InlineData("", "")]
    [InlineData("*** ((( ))) ^^^", "")]
    public void Text_is_normalised_the_same_way_everywhere(string text, string expected) =>
        Assert.Equal(expected, SearchText.Normalise(text));

    [Fact]
    public void Every_word_knows_the_span_of_the_original_it_came_from()
    {
        const string text = "قال أَحْمَدُ: «نعم»";
        var tokens = SearchText.Tokens(text);
        Assert.Equal(["قال", "احمد", "نعم"], tokens.Select(t => t.Text));
        Assert.Equal(["قال", "أَحْمَدُ", "نعم"], tokens.Select(t => text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Runs_too_long_to_be_words_are_left_out()
    {
        var run = new string('x', SearchText.MaxWordLength + 1);
        Assert.Equal("before after", SearchText.Normalise($"before {run} after"));
        Assert.Equal(new string('x', SearchText.MaxWordLength), SearchText.Normalise(new string('x', SearchText.MaxWordLength)));
    }
}
