using Bayan.Slugs;

namespace Bayan.Tests.Slugs;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Ministry opens 3 new clinics!", "ministry-opens-3-new-clinics")]
    [InlineData("  Water -- outage: Northern District  ", "water-outage-northern-district")]
    [InlineData("وزارة الصحة تطلق حملة التطعيم", "وزارة-الصحة-تطلق-حملة-التطعيم")]
    [InlineData("مُؤتَمَرٌ صَحَفِيّ", "مؤتمر-صحفي")]
    [InlineData("الـــصحة", "الصحة")]
    [InlineData("Министерство здравоохранения", "министерство-здравоохранения")]
    [InlineData("Sağlık Bakanlığı açıklaması", "sağlık-bakanlığı-açıklaması")]
    [InlineData("Oʻzbekiston yangiliklari", "ozbekiston-yangiliklari")]
    [InlineData("!!!", "")]
    public void Slug_keeps_letters_and_digits_of_every_script(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void Generated_slugs_are_at_most_eighty_characters() =>
        Assert.True(Slug.From(string.Join(' ', Enumerable.Repeat("word", 100))).Length <= 80);

    [Theory]
    [InlineData("water-outage", true)]
    [InlineData("وزارة-الصحة", true)]
    [InlineData("", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    [InlineData("a/b", false)]
    public void Well_formed_slugs_are_what_Bayan_could_have_made(string slug, bool expected) =>
        Assert.Equal(expected, Slug.IsWellFormed(slug));

    [Fact]
    public void Over_long_slugs_are_not_well_formed() =>
        Assert.False(Slug.IsWellFormed(new string('a', 201)));
}
