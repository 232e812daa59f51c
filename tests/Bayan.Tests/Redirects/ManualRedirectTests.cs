using System.Net;
using Bayan.Redirects;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Redirects;

/// <summary>An administrator adds, sees and removes redirects at /admin/redirects; bad ones are refused and change nothing.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ManualRedirectTests(TestSite site) : IClassFixture<TestSite>
{
    private readonly string u = Guid.NewGuid().ToString("N")[..8];

    private async Task<AdminClient> AdminAsync()
    {
        var admin = await site.Seed.UserAsync(administrator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));
        return client;
    }

    private static Task<HttpResponseMessage> AddAsync(AdminClient client, string from, string to, bool gone = false) =>
        client.PostFormAsync("/admin/redirects", "/admin/redirects?handler=Add",
            [new("From", from), new("To", to), .. gone ? new KeyValuePair<string, string>[] { new("Gone", "true") } : []]);

    private Task<int> CountAsync() => site.Seed.WithDbAsync(db => db.Set<Redirect>().CountAsync());

    [Fact]
    public async Task An_administrator_adds_sees_and_removes_a_redirect_and_the_old_path_follows()
    {
        using var client = await AdminAsync();
        var old = $"/old-site/news/{u}/";
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(old)).StatusCode);

        var added = await AddAsync(client, old, "/en/");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        foreach (var asked in new[] { old, old.TrimEnd('/'), old.ToUpperInvariant(), old })
        {
            var moved = await site.Http.GetAsync(asked);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/en/", moved.Headers.Location?.OriginalString);
            Assert.False(moved.Headers.Contains("X-Cache"));
        }

        // Found whatever the case of the words asked for.
        var list = await client.PageAsync($"/admin/redirects?q=NEWS/{u.ToUpperInvariant()}&source=manual");
        var row = list.QuerySelectorAll("table.redirects tbody tr").Single();
        Assert.Equal(old, row.QuerySelector(".redirect-old")!.TextContent);
        Assert.Equal("/en/", row.QuerySelector(".redirect-new")!.TextContent.Trim());
        var id = await site.Seed.WithDbAsync(db => db.Set<Redirect>().Where(r => r.From == old).Select(r => r.Id).SingleAsync());
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "redirect.added" && e.Subject == $"redirect:{old}")));

        var removed = await client.PostFormAsync("/admin/redirects", "/admin/redirects?handler=Remove", [new("id", $"{id}")]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        // Never kept as a page: gone with the redirect.
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(old)).StatusCode);
        Assert.Empty((await client.PageAsync($"/admin/redirects?q={u}")).QuerySelectorAll("table.redirects tbody tr"));
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "redirect.removed" && e.Subject == $"redirect:{old}")));
    }

    [Fact]
    public async Task A_path_marked_gone_answers_410_and_an_outside_address_is_a_redirect_target()
    {
        using var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, $"/gone-{u}.html", "", gone: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, $"/partner-{u}", "https://partner.example.org/news")).StatusCode);
        // A prefix of a site language is a path Bayan has no page for: the redirect is asked for there too.
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, $"/en/about-us-{u}", $"/gone-{u}.html")).StatusCode);

        var (gone, page) = await site.Http.GetPageAsync($"/gone-{u}.html");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("ما كان في هذا العنوان أُزيل نهائيًا.", page.Body!.TextContent);
        var partner = await site.Http.GetAsync($"/partner-{u}");
        Assert.Equal(HttpStatusCode.MovedPermanently, partner.StatusCode);
        Assert.Equal("https://partner.example.org/news", partner.Headers.Location?.OriginalString);
        var prefixed = await site.Http.GetAsync($"/en/about-us-{u}");
        Assert.Equal(HttpStatusCode.MovedPermanently, prefixed.StatusCode);
        Assert.Equal($"/gone-{u}.html", prefixed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Bad_redirects_are_refused_with_a_clear_message_and_change_nothing()
    {
        using var client = await AdminAsync();
        var office = await site.Seed.OfficeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, $"/a-{u}", $"/b-{u}")).StatusCode);
        var before = await CountAsync();

        foreach (var (from, to, message) in new[]
        {
            ("/en/", "/ar/", "/en/ is a page of this site, so it cannot be redirected."),
            ($"/en/{office.Code}/", "/ar/", $"/en/{office.Code}/ is a page of this site, so it cannot be redirected."),
            ("/admin/users", "/ar/", "/admin/users is a page of this site, so it cannot be redirected."),
            ($"https://old.example.org/x-{u}", "/ar/", "Give the old address as a path (starting with /), without the site's name or a query."),
            ($"/x-{u}?p=1", "/ar/", "Give the old address as a path (starting with /), without the site's name or a query."),
            ($"/x-{u}", "javascript:alert(1)", "The new address must be a path of this site (starting with /) or an http:// or https:// address."),
            ($"/x-{u}", "//evil.example.org/", "The new address must be a path of this site (starting with /) or an http:// or https:// address."),
            ($"/x-{u}", "", "Give the new address, or mark the old one gone."),
            ($"/x-{u}", $"/x-{u}/", $"This redirect would lead back to /x-{u}: a loop."),
            ($"/b-{u}", $"/a-{u}", $"This redirect would lead back to /b-{u}: a loop."),
            ($"/A-{u}/", "/ar/", $"/A-{u}/ is redirected already; remove that redirect first."),
        })
        {
            var refused = await AddAsync(client, from, to);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
            Assert.Equal(message, page.QuerySelector("p.error")!.TextContent);
            Assert.Equal(from, page.QuerySelector("#From")!.GetAttribute("value"));
        }
        Assert.Equal(before, await CountAsync());
    }
}
