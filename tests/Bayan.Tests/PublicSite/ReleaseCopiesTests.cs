using Bayan.Operations;
using System.Net;
using Bayan.Categories;
using Bayan.Comments;
using Bayan.Editing;
using Bayan.Navigation;
using Bayan.Offices;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Bayan.Web.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.PublicSite;

/// <summary>
/// With the output cache switched off, a release page is made from this process's copy of its
/// release (<see cref="ReleaseCopies"/>): each kind of change still shows on the very next request.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseCopiesTests(UncachedTestSite site) : IClassFixture<UncachedTestSite>
{
    private ReleaseCopies Copies => site.Services.GetRequiredService<ReleaseCopies>();

    /// <summary>Reads the page twice, so that it is certainly made from a kept copy afterwards.</summary>
    private async Task<string> KeptAsync(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await Answer.GetAsync(site.Http, path)).Status);
        var again = await Answer.GetAsync(site.Http, path);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.Cache);
        return again.Body;
    }

    private async Task<string> BodyAsync(string path) => (await Answer.GetAsync(site.Http, path)).Body;

    [Fact]
    public async Task An_edit_shows_at_once_in_its_language_and_in_the_links_of_the_others()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en"));
        await KeptAsync(CacheTestSite.PathOf(release));
        await KeptAsync(CacheTestSite.PathOf(release, "ar"));
        var title = Seed.Unique("Edited title");
        var slug = Seed.Unique("edited-slug");

        var outcome = await site.RunAsync<SaveVersion, Outcome>(s => s.RunAsync(CacheTestSite.Editor,
            new VersionEdit(release.Id, "en", title, slug, "A new summary", "A new body.", version.ConcurrencyVersion), CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        var page = await BodyAsync($"/en/{office.Code}/{release.Id}/{slug}");
        Assert.Contains(title, page);
        Assert.Contains("A new body.", page);
        Assert.Contains($"/en/{office.Code}/{release.Id}/{slug}", await BodyAsync(CacheTestSite.PathOf(release, "ar")));
    }

    [Fact]
    public async Task A_correction_and_a_retraction_show_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        await KeptAsync(path);

        Assert.IsType<Outcome.Done>(await site.RunAsync<ReleaseWorkflow, Outcome>(w =>
            w.CorrectAsync(CacheTestSite.Editor, release.Id, "The date was wrong.", CancellationToken.None)));
        Assert.Contains("The date was wrong.", await KeptAsync(path));

        Assert.IsType<Outcome.Done>(await site.RunAsync<ReleaseWorkflow, Outcome>(w =>
            w.RetractAsync(CacheTestSite.Editor, release.Id, "Issued in error.", CancellationToken.None)));
        var retracted = await Answer.GetAsync(site.Http, path);
        Assert.Equal(HttpStatusCode.Gone, retracted.Status);
        Assert.Contains("Issued in error.", retracted.Body);
    }

    [Fact]
    public async Task An_approved_comment_and_closing_comments_show_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        var name = Seed.Unique("Reader");
        using var reader = new AdminClient(site.BaseAddress);
        var posted = await reader.PostCommentAsync(path + "/comments", [new("name", name), new("email", "reader@example.org"), new("text", "Thank you.")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain(name, await KeptAsync(path));
        var id = await site.InScopeAsync(s => s.GetRequiredService<Data.BayanDb>().Comments.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

        Assert.Equal(1, await site.RunAsync<ModerateComments, int?>(m => m.RunAsync(CacheTestSite.Editor, [id], Moderation.Approve, CancellationToken.None)));
        Assert.Contains(name, await KeptAsync(path));

        Assert.Contains("<form method=\"post\"", await KeptAsync(path));
        Assert.IsType<Outcome.Done>(await site.RunAsync<ReleaseWorkflow, Outcome>(w =>
            w.SetCommentsClosedAsync(CacheTestSite.Editor, release.Id, closed: true, CancellationToken.None)));
        Assert.DoesNotContain("<form method=\"post\"", await BodyAsync(path));
    }

    [Fact]
    public async Task Filing_under_a_new_tag_shows_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        // A tag named in English: one typed anew would be named in the release's language (Arabic) only.
        var tag = Seed.EnglishSlug(await site.Seed.TagAsync());
        Assert.DoesNotContain(tag, await KeptAsync(path));

        var outcome = await site.RunAsync<UpdateReleaseDetails, Outcome>(d => d.RunAsync(
            CacheTestSite.Editor, release.Id, ReleaseType.Statement, [], [tag], CancellationToken.None));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Contains($"/en/tag/{tag}/", await BodyAsync(path));
    }

    [Fact]
    public async Task A_renamed_office_and_a_new_site_setting_show_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        var name = Seed.Unique("Renamed office");
        var form = await site.Seed.WithDbAsync(async db =>
        {
            var stored = await db.Offices.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == office.Id);
            var names = stored.Names.ToDictionary(n => n.Language, n => n.Language == "en" ? name : n.Name);
            return new OfficeForm(stored.Id, stored.Code, names, stored.DefaultLanguage, stored.TimeZone, stored.HijriAdjustment, stored.NumberingPattern);
        });
        await KeptAsync(path);

        Assert.IsType<Outcome.Done>(await site.RunAsync<SaveOffice, Outcome>(s => s.RunAsync(CacheTestSite.Editor, form, CancellationToken.None)));
        Assert.Contains(name, await KeptAsync(path));

        var tagline = Seed.Unique("Tagline");
        var settings = await site.Seed.WithDbAsync(async db =>
        {
            var stored = await db.Sites.AsNoTracking().SingleAsync();
            var languages = await db.SiteLanguages.AsNoTracking().OrderBy(l => l.Position).ToListAsync();
            return new SiteSettingsForm(
                [.. languages.Select(l => l.Code)], stored.DefaultLanguage,
                languages.ToDictionary(l => l.Code, l => l.SiteName),
                languages.ToDictionary(l => l.Code, l => l.Code == "en" ? tagline : l.Tagline),
                stored.PageSize, stored.PublishCommentsAtOnce, stored.CommentsOpenDays);
        });
        await KeptAsync(path);
        Assert.IsType<Outcome.Done>(await site.RunAsync<UpdateSiteSettings, Outcome>(u => u.RunAsync(CacheTestSite.Editor, settings, CancellationToken.None)));
        Assert.Contains(tagline, await BodyAsync(path));
    }

    [Fact]
    public async Task A_menu_item_a_link_and_a_category_show_at_once_around_the_release()
    {
        // The menu and the sidebar are rendered once per site snapshot and language (LayoutParts): each
        // saved change must still show on the very next page, in its language and not in the others.
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        var arabic = CacheTestSite.PathOf(release, "ar");
        await KeptAsync(path);
        await KeptAsync(arabic);
        var label = Seed.Unique("Menu");
        var link = Seed.Unique("Link");
        var category = Seed.Unique("Category");

        Assert.IsType<Outcome.Done>(await site.RunAsync<ManageNavigation, Outcome>(n =>
            n.AddMenuItemAsync(CacheTestSite.Editor, "en", label, "/en/archive/", CancellationToken.None)));
        Assert.Contains(label, await KeptAsync(path));
        Assert.DoesNotContain(label, await KeptAsync(arabic));

        Assert.IsType<Outcome.Done>(await site.RunAsync<ManageNavigation, Outcome>(n =>
            n.AddLinkAsync(CacheTestSite.Editor, "en", "Useful links", link, "https://example.org/", CancellationToken.None)));
        Assert.Contains(link, await KeptAsync(path));

        Assert.IsType<Outcome.Done>(await site.RunAsync<ManageCategories, Outcome>(m => m.SaveAsync(CacheTestSite.Editor,
            new CategoryForm(null, null, new Dictionary<string, string> { ["en"] = category, ["ar"] = category + " ar" },
                new Dictionary<string, string> { ["en"] = category.ToLowerInvariant(), ["ar"] = category.ToLowerInvariant() + "-ar" }),
            CancellationToken.None)));
        Assert.Contains(category, await KeptAsync(path));
        Assert.Contains(category + " ar", await KeptAsync(arabic));
    }

    [Fact]
    public async Task A_release_out_of_view_is_not_kept_so_it_appears_at_its_time()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddSeconds(30));
        var path = CacheTestSite.PathOf(release);
        Assert.Equal(HttpStatusCode.NotFound, (await Answer.GetAsync(site.Http, path)).Status);

        // No change is announced: the page finds the release by itself once its time has come.
        site.Clock!.Now += TimeSpan.FromMinutes(1);

        Assert.Equal(HttpStatusCode.OK, (await Answer.GetAsync(site.Http, path)).Status);
    }

    [Fact]
    public async Task A_plain_view_carries_no_antiforgery_token_nor_its_cookie()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);

        using var response = await site.Http.GetAsync(CacheTestSite.PathOf(release));

        Assert.False(response.Headers.Contains("Set-Cookie"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("", page.QuerySelector(".comment-form input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal(Bayan.Web.PublicSite.CommentsEndpoint.TokenPath, page.QuerySelector(".comment-form")!.GetAttribute("data-token-url"));
    }
}

/// <summary>The copies themselves: what a change announced in the middle of a reading does, and what several nodes keep.</summary>
public sealed class ReleaseCopiesRulesTests
{
    private static ReleaseCopies.Copy CopyOf(SiteSnapshot site, int id, string title) => new(site, new Release
    {
        Id = id,
        OriginalLanguage = "en",
        Versions = [new ReleaseVersion { Id = id, Language = "en", Title = title, Slug = "s" }],
    }, []);

    private static SiteSnapshot Site() => new(
        new Site { DefaultLanguage = "en" }, [new SiteLanguage { Code = "en", SiteName = "Site", Position = 0 }],
        TimeZoneInfo.Utc, [], [], [], []);

    [Fact]
    public async Task A_reading_begun_before_a_change_is_not_kept_after_it()
    {
        using var copies = new ReleaseCopies(keeps: true);
        var site = Site();
        var reading = new TaskCompletionSource<ReleaseCopies.Copy?>();

        var first = copies.GetAsync(site, 7, _ => reading.Task, CancellationToken.None);
        await copies.ChangedAsync(new Changes.ContentChange.Release(7));
        reading.SetResult(CopyOf(site, 7, "old"));
        Assert.Equal("old", (await first)!.Release.Versions[0].Title);

        var next = await copies.GetAsync(site, 7, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 7, "new")), CancellationToken.None);
        Assert.Equal("new", next!.Release.Versions[0].Title);
    }

    [Theory]
    [InlineData("release")]
    [InlineData("comments")]
    [InlineData("everything")]
    public async Task Each_change_to_a_release_drops_its_copy(string kind)
    {
        using var copies = new ReleaseCopies(keeps: true);
        var site = Site();
        await copies.GetAsync(site, 7, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 7, "old")), CancellationToken.None);
        await copies.GetAsync(site, 8, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 8, "bystander")), CancellationToken.None);

        await copies.ChangedAsync(kind switch
        {
            "release" => new Changes.ContentChange.Release(7),
            "comments" => new Changes.ContentChange.Comments([7]),
            _ => new Changes.ContentChange.Everything("test"),
        });

        var again = await copies.GetAsync(site, 7, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 7, "new")), CancellationToken.None);
        Assert.Equal("new", again!.Release.Versions[0].Title);
        var bystander = await copies.GetAsync(site, 8, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 8, "read again")), CancellationToken.None);
        Assert.Equal(kind == "everything" ? "read again" : "bystander", bystander!.Release.Versions[0].Title);
    }

    [Fact]
    public async Task Among_several_nodes_nothing_is_kept()
    {
        using var copies = new ReleaseCopies(keeps: false);
        var site = Site();
        await copies.GetAsync(site, 7, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 7, "old")), CancellationToken.None);

        var again = await copies.GetAsync(site, 7, _ => Task.FromResult<ReleaseCopies.Copy?>(CopyOf(site, 7, "new")), CancellationToken.None);

        Assert.Equal("new", again!.Release.Versions[0].Title);
        Assert.Equal(0, copies.Count);
    }

    [Fact]
    public async Task A_copy_larger_than_the_bound_is_not_kept()
    {
        using var copies = new ReleaseCopies(keeps: true);
        var site = Site();
        var huge = CopyOf(site, 7, "huge");
        huge.Release.Versions[0].BodyHtml = new string('x', (int)(ReleaseCopies.MostBytes / 2) + 1);

        await copies.GetAsync(site, 7, _ => Task.FromResult<ReleaseCopies.Copy?>(huge), CancellationToken.None);

        Assert.True(ReleaseCopies.SizeOf(huge) > ReleaseCopies.MostBytes);
        Assert.Equal(0, copies.Count);
    }
}
