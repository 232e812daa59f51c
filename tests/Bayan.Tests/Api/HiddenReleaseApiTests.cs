using System.Net;
using Bayan.Releases;
using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>
/// Drafts, releases in review and scheduled (embargoed) ones are never in an answer of the public API:
/// not listed, not found by id, by words or by their tag, not linked from a release beside them. A
/// scheduled one appears everywhere once its time comes and the scheduler publishes it.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class HiddenReleaseApiTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private async Task<Release> HiddenAsync(Bayan.Offices.Office office, ReleaseStatus status, string word, Bayan.Tags.Tag tag, DateTime? publishAt = null)
    {
        // Written as published, then taken back: the search index still holds its words, so only the API's own reading hides it.
        var release = await site.Seed.ReleaseAsync(office, title: word, publishAt: site.Now.AddHours(-1), tag: tag);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.PublishAt, publishAt)));
        return release;
    }

    private static string Word() => "heron" + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData(ReleaseStatus.Draft)]
    [InlineData(ReleaseStatus.InReview)]
    [InlineData(ReleaseStatus.Scheduled)]
    public async Task A_release_not_yet_public_is_in_no_list_search_tag_or_answer(ReleaseStatus status)
    {
        var office = await site.Seed.OfficeAsync();
        var tag = await site.Seed.TagAsync();
        var word = Word();
        var visible = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-2), title: "neighbour " + word);
        var hidden = await HiddenAsync(office, status, word, tag, status == ReleaseStatus.Scheduled ? site.Now.AddHours(1) : null);
        var hiddenTitle = hidden.Versions.Single(v => v.Language == "en").Title;

        var list = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}");
        var english = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}&language=en");
        var search = await site.Http.GetApiAsync($"/api/v1/releases?language=en&q={word}");
        var one = await site.Http.GetApiAsync($"/api/v1/releases/{hidden.Id}");
        var none = await site.Http.GetApiAsync("/api/v1/releases/999999999");
        var byTag = await site.Http.GetApiAsync($"/api/v1/releases?tag={Seed.EnglishSlug(tag)}");
        var madeUpTag = await site.Http.GetApiAsync("/api/v1/releases?tag=no-such-tag-anywhere");
        var tags = await site.Http.GetApiAsync("/api/v1/tags");
        var neighbour = await site.Http.GetApiAsync($"/api/v1/releases/{visible.Id}");

        Assert.Equal([visible.Id], list.Ids);
        Assert.Equal([visible.Id], english.Ids);
        Assert.Equal([visible.Id], search.Ids);
        ApiCalls.AssertProblem(one, HttpStatusCode.NotFound, "api_release_not_found");
        // Answered exactly as a release that never existed: the status tells nothing either.
        Assert.Equal(none.Json.GetProperty("title").GetString(), one.Json.GetProperty("title").GetString());
        ApiCalls.AssertProblem(byTag, HttpStatusCode.BadRequest, "api_unknown_tag");
        ApiCalls.AssertProblem(madeUpTag, HttpStatusCode.BadRequest, "api_unknown_tag");
        Assert.DoesNotContain(tags.Items, t => t.GetProperty("id").GetInt32() == tag.Id);
        foreach (var answer in new[] { list, english, search, tags, neighbour })
        {
            Assert.DoesNotContain(hiddenTitle, answer.Body);
            Assert.DoesNotContain($"/{hidden.Id}/", answer.Body);
            Assert.DoesNotContain($"releases/{hidden.Id}\"", answer.Body);
        }
    }

    [Fact]
    public async Task A_scheduled_release_appears_in_the_kept_list_when_the_scheduler_publishes_it()
    {
        var office = await site.Seed.OfficeAsync();
        var tag = await site.Seed.TagAsync();
        var visible = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-2));
        var scheduled = await HiddenAsync(office, ReleaseStatus.Scheduled, Word(), tag, site.Now.AddMinutes(1));
        var path = $"/api/v1/releases?office={office.Code}";
        Assert.Equal([visible.Id], (await site.Http.GetApiAsync(path)).Ids);
        Assert.Equal("hit", (await site.Http.GetApiAsync(path)).Cache);

        site.Clock!.Now = site.Clock.Now.AddMinutes(1);
        await site.RunSchedulerAsync();

        var after = await site.Http.GetApiAsync(path);
        Assert.Equal([scheduled.Id, visible.Id], after.Ids);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetApiAsync($"/api/v1/releases/{scheduled.Id}")).Status);
    }
}
