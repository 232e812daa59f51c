using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.PublicSite;

/// <summary>
/// Without the output cache, what scans many releases (a listing's count, the home page's blocks, a
/// feed's dates, the archive's months, the sitemap's figures) is read once and kept until a release
/// changes; a publish shows on every page at once.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseFactsTests(CommandCountingSite site) : IClassFixture<CommandCountingSite>
{
    private static readonly Actor Editor = Actor.System("editor");

    [Fact]
    public async Task A_second_reader_asks_only_for_the_page_s_own_rows()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, category: await site.Seed.CategoryAsync());

        // The first reader reads the figures; the second finds them kept.
        Assert.True(await site.CommandsForAsync("/en/") > await site.CommandsForAsync("/en/"));
        Assert.Equal(1, await site.CommandsForAsync("/en/"));
        await site.CommandsForAsync($"/en/{office.Code}/");
        Assert.Equal(1, await site.CommandsForAsync($"/en/{office.Code}/"));
        await site.CommandsForAsync("/en/archive/");
        Assert.Equal(0, await site.CommandsForAsync("/en/archive/"));
        await site.CommandsForAsync("/sitemap.xml");
        Assert.Equal(0, await site.CommandsForAsync("/sitemap.xml"));
        var feed = await site.CommandsForAsync("/en/feed.atom");
        Assert.True(await site.CommandsForAsync("/en/feed.atom") < feed);
    }

    [Fact]
    public async Task A_publish_shows_at_once_on_the_home_page_the_office_listing_the_feed_and_the_archive()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        await site.Seed.ReleaseAsync(office, category: category);
        var (draft, title) = await DraftAsync(office, category.Id);
        var pages = new[] { "/en/", $"/en/{office.Code}/", "/en/feed.atom", $"/en/{office.Code}/feed.atom", "/en/archive/", $"/en/{office.Code}/archive/" };
        var before = new Dictionary<string, string>();
        foreach (var page in pages)
        {
            await site.Http.GetStringAsync(page);
            before[page] = await site.Http.GetStringAsync(page);
            Assert.DoesNotContain(title, before[page]);
        }
        var feedDate = (await site.Http.GetAsync("/en/feed.atom")).Content.Headers.LastModified;

        // Published through the service, which announces the release's change (not everything's).
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<PublishRelease>().RunAsync(Editor, draft, default)));

        foreach (var page in pages.Where(p => !p.Contains("archive")))
            Assert.Contains(title, await site.Http.GetStringAsync(page));
        // The archive counts the release in its month.
        foreach (var page in pages.Where(p => p.Contains("archive")))
            Assert.NotEqual(before[page], await site.Http.GetStringAsync(page));
        Assert.True((await site.Http.GetAsync("/en/feed.atom")).Content.Headers.LastModified >= feedDate);
    }

    /// <summary>A draft in Arabic and English; the English title is returned with its id.</summary>
    private async Task<(int Id, string Title)> DraftAsync(Office office, int category)
    {
        var title = Seed.Unique("draft");
        var created = await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(office.Id, ReleaseType.PressRelease, "ar", $"بيان {title}", null, "ملخص", "نص", [category], []), default));
        var id = Assert.IsType<Outcome.Done>(created).ReleaseId;
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor,
            new VersionEdit(id, "en", $"Statement {title}", null, "Summary", "Text", null), default)));
        return (id, $"Statement {title}");
    }
}
