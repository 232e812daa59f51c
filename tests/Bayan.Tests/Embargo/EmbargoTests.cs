using Bayan.Operations;
using System.Net;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Embargo;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Embargo;

/// <summary>A site whose clock the test moves; the scheduler follows it.</summary>
public sealed class EmbargoTestSite : TestSite
{
    public EmbargoTestSite() => Clock = new ManualClock(DateTimeOffset.UtcNow);
}

[Trait(Suite.Category, Suite.Database)]
public sealed class EmbargoTests(EmbargoTestSite site) : IClassFixture<EmbargoTestSite>
{
    private static readonly Actor Editor = Actor.System("editor");

    private Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work) => site.InScopeAsync(work);

    [Fact]
    public async Task An_embargoed_release_is_absent_from_every_public_address_before_its_time_and_present_in_all_after()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var title = Seed.Unique("embargoed");
        var tag = Seed.Unique("tag");
        var id = Assert.IsType<Outcome.Done>(await RunAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(office.Id, ReleaseType.Statement, "ar", $"بيان {title}", null, "ملخص", "نص", [category.Id], [tag]), default))).ReleaseId;
        await RunAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor, new VersionEdit(id, "en", $"Statement {title}", null, "", "Text", null), default));
        var at = site.Clock!.Now.UtcDateTime.AddHours(1);
        Assert.IsType<Outcome.Done>(await RunAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, id, at, default)));
        var (link, _) = await RunAsync(s => s.GetRequiredService<EmbargoLinks>().CreateAsync(Editor, id, "Wire agencies", default));
        var versions = await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.ReleaseId == id).ToListAsync());
        var month = $"{at.AddHours(3):yyyy}/{at.AddHours(3):MM}";
        var listings = new[] { "/ar/", "/en/", $"/en/{office.Code}/", $"/ar/{office.Code}/" };
        // Named by a word the release alone gives them: before its time they answer as unknown ones do.
        // The tag was typed in the Arabic original, so it is named (and has a page) in Arabic.
        var named = new[] { $"/en/category/{category.Names.Single(n => n.Language == "en").Slug}/", $"/ar/tag/{tag}/", $"/en/archive/{month}/" };
        var addresses = listings.Concat(named).ToArray();
        var officeArchive = $"/en/{office.Code}/archive/";
        var releasePages = versions.Select(v => $"/{v.Language}/{office.Code}/{id}/{Uri.EscapeDataString(v.Slug)}").ToList();

        foreach (var path in listings)
            Assert.DoesNotContain(title, await BodyAsync(path));
        foreach (var path in named)
            Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(path)).StatusCode);
        foreach (var path in releasePages)
            Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(path)).StatusCode);
        var (_, emptyArchive) = await site.Http.GetPageAsync(officeArchive);
        Assert.Empty(emptyArchive.QuerySelectorAll(".archive li"));

        var preview = await site.Http.GetAsync(link!.Path + "?lang=en");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("no-store", preview.Headers.CacheControl!.ToString());
        Assert.Contains("private", preview.Headers.CacheControl!.ToString());
        Assert.Equal("noindex, nofollow", string.Join("", preview.Headers.GetValues("X-Robots-Tag")));
        var (_, previewPage) = await site.Http.GetPageAsync(link.Path + "?lang=en");
        Assert.Matches(@"^Embargoed until \d\d:\d\d ", previewPage.Text(".embargo"));
        Assert.Equal("noindex", previewPage.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.StartsWith($"Statement {title}", previewPage.Text("article.release h1"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(EmbargoLinks.PathPrefix + "not-a-token")).StatusCode);

        // Its time comes: the scheduler publishes it with no request needed.
        site.Clock.Now = new DateTimeOffset(at.AddSeconds(1), TimeSpan.Zero);
        Assert.True(await Eventually.TrueAsync(() => site.Seed.WithDbAsync(db => db.Releases.AnyAsync(r => r.Id == id && r.Status == ReleaseStatus.Published))));

        foreach (var path in addresses)
            Assert.True((await BodyAsync(path)).Contains(title), $"{path} should list the release once it is out.");
        var (_, archive) = await site.Http.GetPageAsync(officeArchive);
        Assert.Equal(2, archive.QuerySelectorAll(".archive li").Length);
        foreach (var path in releasePages)
            Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(path)).StatusCode);
        var after = await site.Http.GetAsync(link.Path + "?lang=en");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(releasePages.Single(p => p.StartsWith("/en/")), after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_revoked_link_stops_working_and_links_need_a_scheduled_release()
    {
        var office = await site.Seed.OfficeAsync();
        var id = Assert.IsType<Outcome.Done>(await RunAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(office.Id, ReleaseType.News, "ar", "خبر قادم", null, "", "نص", [], []), default))).ReleaseId;

        var (early, refusal) = await RunAsync(s => s.GetRequiredService<EmbargoLinks>().CreateAsync(Editor, id, "Press", default));
        Assert.Null(early);
        Assert.IsType<Outcome.Invalid>(refusal);

        await RunAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, id, site.Clock!.Now.UtcDateTime.AddDays(1), default));
        var (link, _) = await RunAsync(s => s.GetRequiredService<EmbargoLinks>().CreateAsync(Editor, id, "Press", default));
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(link!.Path)).StatusCode);

        await RunAsync(s => s.GetRequiredService<EmbargoLinks>().RevokeAsync(Editor, link.Id, default));

        var revoked = await site.Http.GetAsync(link.Path);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Contains("private", revoked.Headers.CacheControl!.ToString());
        Assert.False(await site.Seed.WithDbAsync(db => db.EmbargoLinks.AnyAsync(l => l.TokenHash == link.Path.Replace(EmbargoLinks.PathPrefix, ""))));
    }

    private async Task<string> BodyAsync(string path)
    {
        var response = await site.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
