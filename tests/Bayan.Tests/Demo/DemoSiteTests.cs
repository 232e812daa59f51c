using Bayan.Demo;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Demo;

[Trait(Suite.Category, Suite.Database)]
public sealed class DemoSiteTests(EmptyTestSite site) : IClassFixture<EmptyTestSite>
{
    [Fact]
    public async Task Demo_fills_an_empty_site_once_and_a_second_run_changes_nothing()
    {
        var first = await RunDemoAsync();
        var afterFirst = await CountsAsync();
        var second = await RunDemoAsync();
        var afterSecond = await CountsAsync();

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(afterFirst, afterSecond);
        Assert.True(afterFirst.Offices >= 3);
        Assert.True(afterFirst.Releases >= 60);
        Assert.True(afterFirst.Translations >= 60);
        Assert.Equal("ar,en,tr", afterFirst.Languages);

        var (response, page) = await site.Http.GetPageAsync("/ar/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, page.QuerySelectorAll("section.latest .card").Length);

        // Every tag is named in every language of the demo, and every office signs its releases.
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.Tags.CountAsync(t => t.Names.Count < 3)));
        var (_, release) = await site.Http.GetPageAsync(page.QuerySelector("section.latest .card h3 a")!.GetAttribute("href")!);
        var signature = release.QuerySelector("address.signature")!;
        Assert.NotNull(signature.QuerySelector(".address"));
        Assert.NotNull(signature.QuerySelector("a[href^='mailto:']"));
        Assert.NotEmpty(signature.QuerySelectorAll(".social a"));
    }

    private async Task<DemoOutcome> RunDemoAsync()
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSite>().RunAsync(new Progress<(string, int, int)>(), CancellationToken.None);
    }

    private Task<(int Offices, int Releases, int Translations, string Languages)> CountsAsync() => site.Seed.WithDbAsync(async db => (
        await db.Offices.CountAsync(),
        await db.Releases.CountAsync(),
        await db.ReleaseVersions.CountAsync(v => v.SourceRevisionId != null),
        string.Join(",", await db.SiteLanguages.OrderBy(l => l.Position).Select(l => l.Code).ToArrayAsync())));
}

[Trait(Suite.Category, Suite.Database)]
public sealed class SyntheticDemoTests(EmptyTestSite site) : IClassFixture<EmptyTestSite>
{
    [Fact]
    public async Task Benchmarks_get_many_numbered_releases_in_arabic_and_english()
    {
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSite>().RunAsync(new Progress<(string, int, int)>(), CancellationToken.None, extraReleases: 1200);

        var (releases, versions, numbered, distinctNumbers) = await site.Seed.WithDbAsync(async db => (
            await db.Releases.CountAsync(),
            await db.ReleaseVersions.CountAsync(),
            await db.Releases.CountAsync(r => r.ReferenceNumber != null),
            await db.Releases.Select(r => r.OfficeId + ":" + r.ReferenceNumber).Distinct().CountAsync()));
        var (response, page) = await site.Http.GetPageAsync("/en/?page=50");

        Assert.Equal(64 + 1200, releases);
        Assert.True(versions >= 2 * releases);
        Assert.Equal(releases, numbered);
        Assert.Equal(releases, distinctNumbers);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, page.QuerySelectorAll("section.latest .card").Length);
    }
}
