using Bayan.Operations;
using System.Net;
using System.Text.RegularExpressions;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.PublicSite;

/// <summary>
/// A tag, category or month whose only release is under embargo answers exactly as one that does not
/// exist, in every language, so its page confirms nothing to someone who guesses the address.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class HiddenListingTests(HiddenListingTests.StillSite site) : IClassFixture<HiddenListingTests.StillSite>
{
    /// <summary>A site whose clock stands still, so that two answers differ only where their pages do (the header shows the time).</summary>
    public sealed class StillSite : TestSite
    {
        public StillSite() => Clock = new ManualClock(DateTimeOffset.UtcNow);
    }

    private static readonly Actor Editor = Actor.System("editor");

    [Fact]
    public async Task Listings_with_only_an_embargoed_release_answer_as_unknown_ones_in_every_language()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var tag = Seed.Unique("secret");
        var id = Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(office.Id, ReleaseType.Statement, "ar", "بيان سري", null, "ملخص", "نص", [category.Id], [tag]), default))).ReleaseId;
        await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor, new VersionEdit(id, "en", "Secret statement", null, "", "Text", null), default));
        // Far ahead, in a month no other release of this site uses.
        var at = new DateTime(DateTime.UtcNow.Year + 5, 6, 15, 9, 0, 0, DateTimeKind.Utc);
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, id, at, default)));
        Assert.True(await site.Seed.WithDbAsync(db => db.TagNames.AnyAsync(n => n.Slug == tag)));
        var languages = await site.Seed.WithDbAsync(db => db.SiteLanguages.Select(l => l.Code).ToListAsync());
        Assert.True(languages.Count >= 3);

        foreach (var lang in languages)
        {
            var categorySlug = category.Names.FirstOrDefault(n => n.Language == lang)?.Slug;
            await AssertAnswersAsUnknownAsync($"/{lang}/tag/{tag}/", $"/{lang}/tag/{Seed.Unique("nothing")}/");
            await AssertAnswersAsUnknownAsync($"/{lang}/tag/{tag}/?page=2", $"/{lang}/tag/{Seed.Unique("nothing")}/?page=2");
            if (categorySlug is not null)
                await AssertAnswersAsUnknownAsync($"/{lang}/category/{Uri.EscapeDataString(categorySlug)}/", $"/{lang}/category/{Uri.EscapeDataString(categorySlug + "x")}/");
            await AssertAnswersAsUnknownAsync($"/{lang}/archive/{at:yyyy}/{at:MM}/", $"/{lang}/archive/{at:yyyy}/13/");
            await AssertAnswersAsUnknownAsync($"/{lang}/{office.Code}/archive/{at:yyyy}/{at:MM}/", $"/{lang}/{office.Code}x/archive/{at:yyyy}/{at:MM}/");
        }
    }

    [Fact]
    public async Task A_tag_with_a_visible_release_still_has_its_page()
    {
        var office = await site.Seed.OfficeAsync();
        var tag = await site.Seed.TagAsync();
        await site.Seed.ReleaseAsync(office, tag: tag, publishAt: site.Clock!.Now.UtcDateTime.AddMinutes(-5));

        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/en/tag/{Seed.EnglishSlug(tag)}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/ar/tag/{Uri.EscapeDataString(tag.Names.Single(n => n.Language == "ar").Slug)}/")).StatusCode);
    }

    private async Task AssertAnswersAsUnknownAsync(string hidden, string unknown)
    {
        var (hiddenStatus, hiddenBody) = await AnswerAsync(hidden);
        var (unknownStatus, unknownBody) = await AnswerAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.True(hiddenStatus == HttpStatusCode.NotFound, $"{hidden} answers {(int)hiddenStatus}");
        Assert.Equal(unknownBody, hiddenBody);
    }

    /// <summary>The answer without its canonical link, the one place an error page repeats its own address.</summary>
    private async Task<(HttpStatusCode, string)> AnswerAsync(string path)
    {
        var response = await site.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Regex.Replace(body, "<link rel=\"canonical\" href=\"[^\"]*\">", ""));
    }
}
