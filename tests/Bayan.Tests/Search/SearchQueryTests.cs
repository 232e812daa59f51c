using Bayan.Search;

namespace Bayan.Tests.Search;

/// <summary>What a reader types, understood as phrases of normalised words; never as syntax.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("water cut", "water|cut")]
    [InlineData("\"water cut\" today", "water cut|today")]
    [InlineData("«سلطة المياه» أحمد", "سلطه المياه|احمد")]
    [InlineData("1446/03", "1446 03")]
    [InlineData("e-mail", "e mail")]
    [InlineData("water AND cut OR NOT NEAR", "water|cut")]
    [InlineData("and or", "and|or")]
    [InlineData("water water WATER", "water")]
    [InlineData("\"unclosed quote", "unclosed quote")]
    [InlineData("title:water -cut", "title water|cut")]
    public void Phrases_come_from_quotes_and_from_words_joined_by_signs(string text, string expected)
    {
        var query = SearchQuery.Parse(text, out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, string.Join('|', query!.Phrases));
    }

    [Fact]
    public void A_phrase_is_asked_as_the_index_holds_it_without_the_article_and_with_particles_before_its_first_word()
    {
        var phrase = SearchQuery.Parse("\"حملة التطعيم\"", out _)!.Phrases.Single();

        Assert.Equal(["حمله", "التطعيم"], phrase.Words);
        Assert.Equal(["حمله", "تطعيم"], phrase.Forms[0]);
        Assert.Contains(phrase.Forms, f => f.SequenceEqual(["وحمله", "تطعيم"]));
        Assert.All(phrase.Forms, f => Assert.Equal("تطعيم", f[1]));
        Assert.True(phrase.HasOtherForms);
    }

    [Fact]
    public void Words_of_other_scripts_are_asked_as_typed()
    {
        var query = SearchQuery.Parse("\"water cut\" 1446/03", out _)!;

        Assert.All(query.Phrases, p => Assert.Equal([p.Words], p.Forms));
        Assert.False(query.HasOtherForms);
    }

    [Theory]
    [InlineData(null, "search_empty")]
    [InlineData("   ", "search_empty")]
    [InlineData("*** ((( \"\" )))", "search_no_words")]
    [InlineData("AND OR", "search_no_words")]
    public void A_query_without_words_is_a_problem_to_tell_not_a_search(string? text, string key)
    {
        Assert.Null(SearchQuery.Parse(text, out var problem));
        Assert.Equal(key, problem!.Key);
    }

    [Fact]
    public void A_query_longer_than_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        Assert.Null(SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1), out var problem));
        Assert.Equal("search_too_long", problem!.Key);
        var atLimit = string.Join(' ', Enumerable.Repeat("ab", 67));
        Assert.Equal(SearchQuery.MaxLength, atLimit.Length);
        Assert.NotNull(SearchQuery.Parse(atLimit, out _));
    }
}
