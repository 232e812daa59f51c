using Bayan.Operations;
using System.Net;
using Bayan.Comments;
using Bayan.Editing;
using Bayan.Navigation;
using Bayan.Offices;
using Bayan.Pages;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Caching;

/// <summary>
/// For each kind of change: the pages that show it change at once (the very next request, no
/// waiting), and a page that does not show it is still served from the cache.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class EvictionTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private Task<Answer> GetAsync(string path) => Answer.GetAsync(site.Http, path);

    /// <summary>Reads each page until it is kept, so that afterwards a miss can only mean an eviction.</summary>
    private async Task WarmAsync(params string[] paths)
    {
        foreach (var path in paths)
        {
            var first = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.Status);
            Assert.True((await GetAsync(path)).Hit, $"{path} was not kept");
        }
    }

    private async Task AssertStillKeptAsync(params string[] paths)
    {
        foreach (var path in paths)
            Assert.True((await GetAsync(path)).Hit, $"{path} was evicted, though the change is not on it");
    }

    private async Task<string> FreshAsync(string path)
    {
        var answer = await GetAsync(path);
        Assert.False(answer.Hit, $"{path} came from the cache after a change it shows");
        return answer.Body;
    }

    [Fact]
    public async Task Publishing_shows_the_release_on_its_listings_feeds_and_sitemaps_in_every_language()
    {
        var office = await site.Seed.OfficeAsync();
        var other = await site.Seed.OfficeAsync();
        var bystander = await site.ReleaseAsync(other);
        var draft = await site.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == draft.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Draft).SetProperty(r => r.PublishAt, (DateTime?)null)));
        var title = draft.Versions.Single(v => v.Language == "en").Title;
        var arabic = draft.Versions.Single(v => v.Language == "ar").Title;
        string[] listings = ["/en/", "/ar/", $"/en/{office.Code}/", "/en/feed.atom", $"/en/{office.Code}/feed.atom", "/en/archive/", "/sitemap-news.xml"];
        await WarmAsync([.. listings, CacheTestSite.PathOf(bystander), $"/en/{other.Code}/"]);

        var outcome = await site.RunAsync<PublishRelease, Outcome>(p => p.RunAsync(CacheTestSite.Editor, draft.Id, CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains(title, await FreshAsync("/en/"));
        Assert.Contains(arabic, await FreshAsync("/ar/"));
        Assert.Contains(title, await FreshAsync($"/en/{office.Code}/"));
        Assert.Contains(title, await FreshAsync("/en/feed.atom"));
        Assert.Contains(title, await FreshAsync($"/en/{office.Code}/feed.atom"));
        Assert.Contains($"/{draft.Id}/", await FreshAsync("/sitemap-news.xml"));
        Assert.Contains(title, await FreshAsync(CacheTestSite.PathOf(draft)));
        await AssertStillKeptAsync(CacheTestSite.PathOf(bystander), $"/en/{other.Code}/");
    }

    [Fact]
    public async Task An_edit_shows_on_the_release_and_its_listings()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var bystander = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en"));
        await WarmAsync(path, CacheTestSite.PathOf(release, "ar"), $"/en/{office.Code}/", CacheTestSite.PathOf(bystander));
        var title = Seed.Unique("Edited title");

        var outcome = await site.RunAsync<SaveVersion, Outcome>(s => s.RunAsync(CacheTestSite.Editor,
            new VersionEdit(release.Id, "en", title, version.Slug, "A new summary", "A new body.", version.ConcurrencyVersion), CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains(title, await FreshAsync(path));
        Assert.Contains(title, await FreshAsync($"/en/{office.Code}/"));
        // The Arabic page links to the English one, whose address may have changed with it.
        await FreshAsync(CacheTestSite.PathOf(release, "ar"));
        await AssertStillKeptAsync(CacheTestSite.PathOf(bystander));
    }

    [Fact]
    public async Task A_retraction_shows_on_the_release_and_leaves_its_listings()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var bystander = await site.ReleaseAsync(office);
        var title = release.Versions.Single(v => v.Language == "en").Title;
        await WarmAsync(CacheTestSite.PathOf(release), $"/en/{office.Code}/", "/en/", CacheTestSite.PathOf(bystander));

        var outcome = await site.RunAsync<ReleaseWorkflow, Outcome>(w => w.RetractAsync(CacheTestSite.Editor, release.Id, "Issued in error.", CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains("Issued in error.", await FreshAsync(CacheTestSite.PathOf(release)));
        Assert.DoesNotContain(title, await FreshAsync($"/en/{office.Code}/"));
        Assert.DoesNotContain(title, await FreshAsync("/en/"));
        await AssertStillKeptAsync(CacheTestSite.PathOf(bystander));
    }

    [Fact]
    public async Task A_scheduled_release_appears_everywhere_when_the_scheduler_publishes_it()
    {
        var office = await site.Seed.OfficeAsync();
        var other = await site.Seed.OfficeAsync();
        var bystander = await site.ReleaseAsync(other);
        var release = await site.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Draft).SetProperty(r => r.PublishAt, (DateTime?)null)));
        var scheduled = await site.RunAsync<ReleaseWorkflow, Outcome>(w => w.ScheduleAsync(CacheTestSite.Editor, release.Id, site.Now.AddSeconds(30), CancellationToken.None));
        Assert.IsType<Outcome.Done>(scheduled);
        var title = release.Versions.Single(v => v.Language == "en").Title;
        await WarmAsync($"/en/{office.Code}/", "/en/", CacheTestSite.PathOf(bystander));
        Assert.DoesNotContain(title, (await GetAsync("/en/")).Body);

        site.Clock!.Now += TimeSpan.FromMinutes(1);
        await site.RunSchedulerAsync();

        Assert.Contains(title, await FreshAsync("/en/"));
        Assert.Contains(title, await FreshAsync($"/en/{office.Code}/"));
        Assert.Contains(title, await FreshAsync(CacheTestSite.PathOf(release)));
        await AssertStillKeptAsync(CacheTestSite.PathOf(bystander));
    }

    [Fact]
    public async Task An_approved_comment_shows_under_its_release_and_nowhere_else_changes()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        var search = "/en/search?q=statement";
        await WarmAsync(path, "/en/", $"/en/{office.Code}/", search);
        var name = Seed.Unique("Reader");
        using var reader = new AdminClient(site.BaseAddress);
        var posted = await reader.PostCommentAsync(path + "/comments", [new("name", name), new("email", "reader@example.org"), new("text", "Thank you.")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        // Held for moderation: nothing to show yet, so the kept page stays.
        Assert.DoesNotContain(name, (await GetAsync(path)).Body);
        // Read directly: test data written through Seed is announced as a change of everything.
        var id = await site.InScopeAsync(s => s.GetRequiredService<Data.BayanDb>().Comments.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

        var approved = await site.RunAsync<ModerateComments, int?>(m => m.RunAsync(CacheTestSite.Editor, [id], Moderation.Approve, CancellationToken.None));

        Assert.Equal(1, approved);
        Assert.Contains(name, await FreshAsync(path));
        await AssertStillKeptAsync("/en/", $"/en/{office.Code}/", search);
    }

    [Fact]
    public async Task Filing_a_release_elsewhere_changes_the_listings_it_left_and_joined()
    {
        var office = await site.Seed.OfficeAsync();
        var (left, joined, unrelated) = (await site.Seed.CategoryAsync(), await site.Seed.CategoryAsync(), await site.Seed.CategoryAsync());
        var (oldTag, unrelatedTag) = (await site.Seed.TagAsync(), await site.Seed.TagAsync());
        var release = await site.ReleaseAsync(office, left, oldTag);
        await site.ReleaseAsync(office, unrelated, unrelatedTag);
        var title = release.Versions.Single(v => v.Language == "en").Title;
        string Category(Categories.Category c) => $"/en/category/{c.Names.Single(n => n.Language == "en").Slug}/";
        var newTag = Seed.Unique("newtag");
        await WarmAsync(Category(left), Category(unrelated), $"/en/tag/{Seed.EnglishSlug(oldTag)}/", $"/en/tag/{Seed.EnglishSlug(unrelatedTag)}/");
        // A category with nothing in it answers as an unknown one, and such an answer is never kept.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Category(joined))).Status);

        var outcome = await site.RunAsync<UpdateReleaseDetails, Outcome>(d => d.RunAsync(
            CacheTestSite.Editor, release.Id, ReleaseType.PressRelease, [joined.Id], [newTag], CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.DoesNotContain(title, await FreshAsync(Category(left)));
        Assert.Contains(title, await FreshAsync(Category(joined)));
        Assert.DoesNotContain(title, await FreshAsync($"/en/tag/{Seed.EnglishSlug(oldTag)}/"));
        // A tag typed in the form is named in the release's language (Arabic) only.
        var arabicTitle = release.Versions.Single(v => v.Language == "ar").Title;
        Assert.Contains(arabicTitle, (await GetAsync($"/ar/tag/{newTag}/")).Body);
        await AssertStillKeptAsync(Category(unrelated), $"/en/tag/{Seed.EnglishSlug(unrelatedTag)}/");
    }

    [Fact]
    public async Task A_site_setting_changes_every_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var tagline = Seed.Unique("Tagline");
        var form = await site.Seed.WithDbAsync(async db =>
        {
            var settings = await db.Sites.AsNoTracking().SingleAsync();
            var languages = await db.SiteLanguages.AsNoTracking().OrderBy(l => l.Position).ToListAsync();
            return new SiteSettingsForm(
                [.. languages.Select(l => l.Code)], settings.DefaultLanguage,
                languages.ToDictionary(l => l.Code, l => l.SiteName),
                languages.ToDictionary(l => l.Code, l => l.Code == "en" ? tagline : l.Tagline),
                settings.PageSize, settings.PublishCommentsAtOnce, settings.CommentsOpenDays);
        });
        await WarmAsync("/en/", CacheTestSite.PathOf(release), "/en/feed.atom");

        var outcome = await site.RunAsync<UpdateSiteSettings, Outcome>(u => u.RunAsync(CacheTestSite.Editor, form, CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains(tagline, await FreshAsync("/en/"));
        Assert.Contains(tagline, await FreshAsync(CacheTestSite.PathOf(release)));
        await FreshAsync("/en/feed.atom");
    }

    [Fact]
    public async Task A_menu_item_shows_on_every_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        await WarmAsync("/en/", CacheTestSite.PathOf(release));
        var label = Seed.Unique("Menu");

        var outcome = await site.RunAsync<ManageNavigation, Outcome>(n => n.AddMenuItemAsync(CacheTestSite.Editor, "en", label, "/en/archive/", CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains(label, await FreshAsync("/en/"));
        Assert.Contains(label, await FreshAsync(CacheTestSite.PathOf(release)));
    }

    [Fact]
    public async Task An_office_renamed_shows_its_new_name_on_every_page()
    {
        var office = await site.Seed.OfficeAsync();
        var other = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(other);
        var name = Seed.Unique("Renamed office");
        var form = await site.Seed.WithDbAsync(async db =>
        {
            var stored = await db.Offices.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == office.Id);
            var names = stored.Names.ToDictionary(n => n.Language, n => n.Language == "en" ? name : n.Name);
            return new OfficeForm(stored.Id, stored.Code, names, stored.DefaultLanguage, stored.TimeZone, stored.HijriAdjustment, stored.NumberingPattern);
        });
        await WarmAsync($"/en/{office.Code}/", CacheTestSite.PathOf(release), "/en/");

        var outcome = await site.RunAsync<SaveOffice, Outcome>(s => s.RunAsync(CacheTestSite.Editor, form, CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains(name, await FreshAsync($"/en/{office.Code}/"));
        // Every page lists the offices beside its content.
        Assert.Contains(name, await FreshAsync(CacheTestSite.PathOf(release)));
        Assert.Contains(name, await FreshAsync("/en/"));
    }

    [Fact]
    public async Task A_static_page_edit_shows_at_once_and_leaves_the_news_cached()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var key = Seed.Unique("about");
        var created = await site.RunAsync<ManagePages, Outcome>(p => p.SaveAsync(CacheTestSite.Editor,
            new PageForm(null, key, "en", "About us", key, "Who we are."), CancellationToken.None));
        var id = Assert.IsType<Outcome.Done>(created).ReleaseId;
        var path = $"/en/pages/{key}";
        await WarmAsync(path, "/en/", CacheTestSite.PathOf(release));

        var outcome = await site.RunAsync<ManagePages, Outcome>(p => p.SaveAsync(CacheTestSite.Editor,
            new PageForm(id, key, "en", "About the newsroom", key, "Who we are, and since when."), CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains("since when", await FreshAsync(path));
        await AssertStillKeptAsync("/en/", CacheTestSite.PathOf(release));
    }
}
