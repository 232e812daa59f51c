using Bayan.Operations;
using System.Net;
using Bayan.Publishing;
using Bayan.Tests.Support;

namespace Bayan.Tests.Caching;

/// <summary>
/// A search answer is kept like a page: the same words asked again are served from the cache,
/// until a release that could enter or leave the results changes.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SearchCacheTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private Task<Answer> GetAsync(string path) => Answer.GetAsync(site.Http, path);

    private static string SearchFor(string word) => $"/en/search?q={word}";

    /// <summary>A published release whose English title holds a word of its own, in letters only.</summary>
    private async Task<(Releases.Release Release, string Word)> ReleaseWithWordAsync()
    {
        var word = string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + c % 26)));
        var release = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync(), title: word, publishAt: site.Now.AddHours(-1));
        return (release, word);
    }

    [Fact]
    public async Task A_search_asked_again_is_served_from_the_cache()
    {
        var (release, word) = await ReleaseWithWordAsync();

        var first = await GetAsync(SearchFor(word));
        var again = await GetAsync(SearchFor(word));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("miss", first.Cache);
        Assert.True(again.Hit);
        Assert.Contains(CacheTestSite.PathOf(release), again.Body);
        Assert.Equal(first.Body, again.Body);
    }

    [Fact]
    public async Task A_retracted_release_leaves_the_kept_search_at_once()
    {
        var (release, word) = await ReleaseWithWordAsync();
        var path = SearchFor(word);
        Assert.Contains(CacheTestSite.PathOf(release), (await GetAsync(path)).Body);
        Assert.True((await GetAsync(path)).Hit);

        var outcome = await site.RunAsync<ReleaseWorkflow, Outcome>(w => w.RetractAsync(CacheTestSite.Editor, release.Id, "Issued in error.", CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        var after = await GetAsync(path);
        Assert.False(after.Hit);
        Assert.DoesNotContain(CacheTestSite.PathOf(release), after.Body);
    }

    [Fact]
    public async Task A_search_address_with_other_parameters_is_never_kept()
    {
        var (_, word) = await ReleaseWithWordAsync();
        var path = SearchFor(word) + "&utm_source=newsletter";

        await GetAsync(path);
        var again = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.Cache);
    }
}
