using Bayan.Operations;
using System.Net;
using Bayan.Embargo;
using Bayan.Publishing;
using Bayan.Tests.Support;
using Bayan.Web.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Caching;

/// <summary>What is never kept nor served from the shared cache: anything personal or private.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class PrivateAnswersTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private Task<Answer> GetAsync(string path) => Answer.GetAsync(site.Http, path);

    [Fact]
    public async Task A_public_page_is_kept_after_its_first_reader()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);

        var first = await GetAsync(CacheTestSite.PathOf(release));
        var second = await GetAsync(CacheTestSite.PathOf(release));

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit", second.Cache);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task The_back_office_and_embargo_previews_are_never_kept()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Releases.ReleaseStatus.Draft).SetProperty(r => r.PublishAt, (DateTime?)null)));
        await site.RunAsync<ReleaseWorkflow, Outcome>(w => w.ScheduleAsync(CacheTestSite.Editor, release.Id, site.Now.AddDays(1), CancellationToken.None));
        var (link, _) = await site.InScopeAsync(s => s.GetRequiredService<EmbargoLinks>().CreateAsync(CacheTestSite.Editor, release.Id, "Wire service", CancellationToken.None));

        foreach (var path in new[] { "/admin/login", link!.Path })
        {
            var first = await GetAsync(path);
            var second = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.Status);
            Assert.Null(first.Cache);
            Assert.Null(second.Cache);
        }
    }

    [Fact]
    public async Task A_signed_in_editor_is_never_served_a_kept_page_nor_leaves_one()
    {
        var office = await site.Seed.OfficeAsync();
        var (kept, seenFirstByEditor) = (await site.ReleaseAsync(office), await site.ReleaseAsync(office));
        var admin = await site.Seed.UserAsync(administrator: true);
        using var editor = new AdminClient(site.BaseAddress);
        Assert.True(await editor.SignInAsync(admin.Email!, Seed.Password));
        // The sign-in cookie belongs to /admin, so browsers keep it from public pages; one that
        // arrives all the same (a proxy rewriting paths, an old cookie) still marks the request personal.
        var cookie = editor.Cookies.GetCookies(new Uri(site.BaseAddress, "/admin/")).Single(c => c.Name == Web.Admin.AdminSetup.CookieName);
        async Task<HttpResponseMessage> EditorGetAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = site.BaseAddress };
            var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
        await GetAsync(CacheTestSite.PathOf(kept));
        Assert.True((await GetAsync(CacheTestSite.PathOf(kept))).Hit);

        var editorsView = await EditorGetAsync(CacheTestSite.PathOf(kept));
        await EditorGetAsync(CacheTestSite.PathOf(seenFirstByEditor));
        var readerAfter = await GetAsync(CacheTestSite.PathOf(seenFirstByEditor));

        Assert.Equal(HttpStatusCode.OK, editorsView.StatusCode);
        Assert.False(editorsView.Headers.Contains("X-Cache"));
        Assert.Equal("miss", readerAfter.Cache);
    }

    [Fact]
    public async Task Only_reading_is_answered_from_the_cache()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);
        await GetAsync(path);

        var posted = await site.Http.PostAsync(path, new FormUrlEncodedContent([]));

        Assert.False(posted.Headers.Contains("X-Cache"));
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task Missing_pages_and_addresses_with_other_queries_are_rendered_each_time()
    {
        var office = await site.Seed.OfficeAsync();
        await site.ReleaseAsync(office);

        foreach (var path in new[] { "/en/no-such-office/", $"/en/{office.Code}/?utm_source=x", "/en/search?q=statement&utm_source=x" })
        {
            await GetAsync(path);
            Assert.False((await GetAsync(path)).Hit, path);
        }
    }

    [Fact]
    public async Task The_comment_token_is_personal_and_never_kept()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = site.BaseAddress };
        using var first = await client.GetAsync(Web.PublicSite.CommentsEndpoint.TokenPath);
        using var second = await client.GetAsync(Web.PublicSite.CommentsEndpoint.TokenPath);

        Assert.True(first.Headers.Contains("Set-Cookie"));
        Assert.Contains("no-store", first.Headers.CacheControl!.ToString());
        Assert.False(second.Headers.Contains("X-Cache"));
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_answer_that_sets_a_cookie_is_never_stored()
    {
        var policy = site.Services.GetRequiredService<SharedPagePolicy>();
        var http = new DefaultHttpContext { RequestServices = site.Services };
        http.Request.Method = "GET";
        http.Request.Path = "/en/";
        // The home page's own endpoint, as routing would have chosen it.
        http.SetEndpoint(site.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/{lang}/"));
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, CancellationToken.None);
        Assert.True(context.AllowCacheStorage);

        http.Response.StatusCode = 200;
        http.Response.Headers.SetCookie = "someone=theirs; path=/";
        await policy.ServeResponseAsync(context, CancellationToken.None);

        Assert.False(context.AllowCacheStorage);
    }
}

/// <summary>An operator who switches the cache off gets every page rendered for each reader.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class CacheSwitchedOffTests(UncachedTestSite site) : IClassFixture<UncachedTestSite>
{
    [Fact]
    public async Task Nothing_is_kept_and_the_comment_form_fetches_its_token_as_on_a_cached_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.ReleaseAsync(office);
        var path = CacheTestSite.PathOf(release);

        await Answer.GetAsync(site.Http, path);
        var again = await Answer.GetAsync(site.Http, path);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.Cache);
        // A token costs every view a cookie read and an encryption, for the few readers who write: the
        // form's script fetches one, as it does on a page from the cache.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(again.Body);
        Assert.Equal("", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.NotEmpty(await site.Http.GetStringAsync(Web.PublicSite.CommentsEndpoint.TokenPath));
    }
}
