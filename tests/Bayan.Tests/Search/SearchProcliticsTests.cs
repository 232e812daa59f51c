using AngleSharp.Dom;
using Bayan.Offices;
using Bayan.Tests.Support;

namespace Bayan.Tests.Search;

/// <summary>
/// An Arabic word finds itself with or without its article and the particles joined to it, on SQLite and
/// PostgreSQL alike: the form the reader typed comes first, and phrases still hold their words in order.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SearchProcliticsTests(SearchTestSite site) : IClassFixture<SearchTestSite>
{
    [Fact]
    public async Task A_word_finds_its_other_forms_and_ranks_the_form_typed_first()
    {
        var office = await site.Seed.OfficeAsync();
        var now = site.Clock!.Now.UtcDateTime;
        var withArticle = await AddAsync(office, now.AddDays(-3), "افتتاح الروضة الجديدة في الحي", "نص");
        var bare = await AddAsync(office, now.AddDays(-2), "افتتاح روضة جديدة للأطفال", "نص");
        var withParticles = await AddAsync(office, now.AddDays(-1), "تسجيل الأطفال بالروضة يبدأ غدًا", "نص");
        // Newest of all, the word only in its body: after every release that has it in its title.
        var inBody = await AddAsync(office, now.AddHours(-1), "بيان أسبوعي", "زار الوزير الروضة صباح اليوم.");

        Assert.Equal([bare.Id, withParticles.Id, withArticle.Id, inBody.Id], await FoundIdsAsync(office, "روضة"));
        Assert.Equal([withArticle.Id, withParticles.Id, bare.Id, inBody.Id], await FoundIdsAsync(office, "الروضة"));
        Assert.Equal([withParticles.Id, bare.Id, withArticle.Id, inBody.Id], await FoundIdsAsync(office, "بالروضة"));
    }

    [Fact]
    public async Task A_phrase_keeps_its_words_together_and_in_order_in_any_of_their_forms()
    {
        var office = await site.Seed.OfficeAsync();
        var now = site.Clock!.Now.UtcDateTime;
        var exact = await AddAsync(office, now.AddDays(-2), "إطلاق حملة التطعيم الوطنية", "نص");
        var other = await AddAsync(office, now.AddDays(-1), "وحملة تطعيم ثانية في المدارس", "نص");
        await AddAsync(office, now.AddHours(-1), "التطعيم يسبق الحملة", "نص");

        Assert.Equal([exact.Id, other.Id], await FoundIdsAsync(office, "\"حملة التطعيم\""));
        Assert.Equal([other.Id, exact.Id], await FoundIdsAsync(office, "\"حملة تطعيم\""));
        Assert.Empty(await FoundIdsAsync(office, "\"التطعيم حملة\""));
    }

    [Fact]
    public async Task The_matching_form_is_marked_in_the_title_as_it_was_written()
    {
        var office = await site.Seed.OfficeAsync();
        await AddAsync(office, site.Clock!.Now.UtcDateTime.AddHours(-1), "دعوة للتطعيم في المدارس", "نص");

        var (_, page) = await site.Http.GetPageAsync($"/ar/search?q={Uri.EscapeDataString("تطعيم")}&office={office.Code}");

        Assert.Equal("للتطعيم", page.QuerySelector(".results h2 a mark")!.TextContent);
    }

    private Task<Bayan.Releases.Release> AddAsync(Office office, DateTime at, string title, string body) =>
        site.AddAsync(office, at, null, new Bayan.Releases.VersionText("ar", title, "", body));

    private async Task<int[]> FoundIdsAsync(Office office, string query)
    {
        var (_, page) = await site.Http.GetPageAsync($"/ar/search?q={Uri.EscapeDataString(query)}&office={office.Code}");
        return FoundIds(page);
    }

    /// <summary>The release ids of the results, in the order shown, from the links a reader would follow.</summary>
    private static int[] FoundIds(IDocument page) =>
        [.. page.QuerySelectorAll(".results h2 a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[3]))];
}
