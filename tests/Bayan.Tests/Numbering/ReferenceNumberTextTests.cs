using Bayan.Numbering;
using Bayan.Sites;

namespace Bayan.Tests.Numbering;

/// <summary>Which digits a reference number is shown in, and what keeps its parts in order.</summary>
public sealed class ReferenceNumberTextTests
{
    private static readonly Site Western = new();
    private static readonly Site LanguageDigits = new() { NumbersInLanguageDigits = true };
    private static readonly Site LanguageDigitsExtended = new() { NumbersInLanguageDigits = true, ExtendedDigits = true };

    [Theory]
    [InlineData("ar")]
    [InlineData("ur")]
    [InlineData("en")]
    public void By_default_a_number_keeps_the_western_digits_it_was_given(string language)
    {
        Assert.Equal("W-1448-021", ReferenceNumberText.Shown("W-1448-021", language, Western));
        Assert.Equal("1448/021", ReferenceNumberText.Shown("1448/021", language, Western));
    }

    [Fact]
    public void In_arabic_digits_a_mark_after_each_sign_keeps_the_groups_in_their_order()
    {
        // Arabic-Indic digits are right-to-left numbers to the bidirectional algorithm: without the
        // left-to-right mark, "-" between two groups paints them swapped (W-٠٢١-١٤٤٨).
        Assert.Equal("W-\u200E١٤٤٨-\u200E٠٢١", ReferenceNumberText.Shown("W-1448-021", "ar", LanguageDigits));
        Assert.Equal("١٤٤٨/\u200E٠٢١", ReferenceNumberText.Shown("1448/021", "ar", LanguageDigits));
    }

    [Fact]
    public void Extended_digits_are_left_to_right_numbers_and_need_no_mark()
    {
        Assert.Equal("W-۱۴۴۸-۰۲۱", ReferenceNumberText.Shown("W-1448-021", "ur", LanguageDigitsExtended));
        Assert.Equal("W-1448-021", ReferenceNumberText.Shown("W-1448-021", "ur", LanguageDigits));
        Assert.Equal("W-1448-021", ReferenceNumberText.Shown("W-1448-021", "en", LanguageDigits));
    }

    [Fact]
    public void In_plain_text_the_number_is_a_left_to_right_isolate() =>
        Assert.Equal("\u2066021/RYD\u2069", ReferenceNumberText.PlainText("021/RYD", "ar", Western));
}
