using System.Text.RegularExpressions;
using Bayan.Localization;

namespace Bayan.Tests.Localization;

public sealed partial class MessagesTests
{
    public static TheoryData<string> Languages => new(["ar", "ur", "tr", "ru", "uz"]);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_every_key_of_english(string language)
    {
        var english = Messages.Raw("en");
        var translated = Messages.Raw(language);

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.All(translated, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{language}:{pair.Key} is empty"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_keep_the_placeholders_of_english(string language)
    {
        var english = Messages.Raw("en");
        foreach (var (key, text) in Messages.Raw(language))
            Assert.Equal(Placeholders(english[key]), Placeholders(text));
    }

    [Fact]
    public void A_language_without_a_catalogue_falls_back_to_english() =>
        Assert.Equal("Page not found", Messages.Get("fr", "error_404_title"));

    [Fact]
    public void Texts_are_in_the_language_asked_for()
    {
        Assert.Equal("(Translated)", Messages.Get("en", "release_translated"));
        Assert.NotEqual(Messages.Get("en", "release_translated"), Messages.Get("ar", "release_translated"));
    }

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
