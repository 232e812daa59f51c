using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Admin;

[Trait(Suite.Category, Suite.Database)]
public sealed class SetupTests(EmptyTestSite site) : IClassFixture<EmptyTestSite>
{
    private static KeyValuePair<string, string>[] Form(string email, string password, string zone = "Asia/Riyadh") =>
    [
        new("SiteName", "وكالة الاختبار"), new("SiteLanguages", "ar"), new("SiteLanguages", "en"), new("DefaultLanguage", "ar"),
        new("TimeZone", zone), new("AdminName", "Admin"), new("Email", email), new("Password", password),
    ];

    [Fact]
    public async Task First_run_leads_to_setup_which_refuses_bad_input_then_works_once_and_never_again()
    {
        using var client = new AdminClient(site.BaseAddress);

        var start = await client.GetAsync("/admin/releases/new");
        Assert.Equal("/admin/setup", start.Headers.Location!.OriginalString);

        var form = await client.PageAsync("/admin/setup");
        // Offered in the language the page speaks (English, for a client that asks none).
        Assert.Equal("en", form.QuerySelector("#AdminLanguage option[selected]")?.GetAttribute("value"));

        var bad = await client.PostFormAsync("/admin/setup", Form("not-an-email", "short", zone: "Mars/Base"));
        Assert.True(bad.StatusCode == HttpStatusCode.UnprocessableEntity, $"{bad.StatusCode} {bad.Headers} {await bad.Content.ReadAsStringAsync()}");
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Mars/Base", badPage);
        Assert.Contains("at least 10 characters", badPage);
        Assert.False(await site.Seed.WithDbAsync(db => db.Users.AnyAsync()));
        Assert.False(await site.Seed.WithDbAsync(db => db.Sites.AnyAsync()));

        // The administrator's own language for the back office, not the site's default (ar).
        var good = await client.PostFormAsync("/admin/setup", [.. Form("chief@example.org", Seed.Password), new("AdminLanguage", "tr")]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal("tr", (await client.PageAsync("/admin")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("tr", await site.Seed.WithDbAsync(db => db.Users.Select(u => u.Language).SingleAsync()));
        var (home, _) = await site.Http.GetPageAsync("/ar/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var again = await client.GetAsync("/admin/setup");
        Assert.Equal("/admin", again.Headers.Location!.OriginalString);
        using var stranger = new AdminClient(site.BaseAddress);
        var takeover = await stranger.PostFormAsync("/admin/login", "/admin/setup", Form("intruder@example.org", Seed.Password));
        Assert.NotEqual(HttpStatusCode.OK, takeover.StatusCode);
        Assert.Equal(1, await site.Seed.WithDbAsync(db => db.Users.CountAsync()));
    }
}

[Trait(Suite.Category, Suite.Database)]
public sealed class SetupAfterDemoTests(DemoTestSite site) : IClassFixture<DemoTestSite>
{
    [Fact]
    public async Task A_site_filled_by_the_demo_only_needs_its_first_administrator()
    {
        using var client = new AdminClient(site.BaseAddress);
        var form = await client.PageAsync("/admin/setup");

        var response = await client.PostFormAsync("/admin/setup",
            [new("AdminName", "Chief"), new("Email", "chief@example.org"), new("Password", Seed.Password)]);

        Assert.Null(form.QuerySelector("#SiteName"));
        // It says only what it asks: no word of naming the site or choosing its languages.
        var intro = form.QuerySelector("h1 + p")!.TextContent;
        Assert.Equal(Bayan.Localization.Messages.Get("en", "setup_intro_admin_only"), intro);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, await site.Seed.WithDbAsync(db => db.SiteLanguages.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
