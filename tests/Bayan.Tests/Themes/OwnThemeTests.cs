using System.Net;
using Bayan.Tests.Support;

namespace Bayan.Tests.Themes;

/// <summary>A site with a theme folder of its own holding one template and one style sheet.</summary>
public sealed class OwnThemeSite : TestSite
{
    public string ThemeFolder { get; } = Path.Combine(Path.GetTempPath(), "bayan-tests", "theme-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.Combine(ThemeFolder, "assets"));
        File.WriteAllText(Path.Combine(ThemeFolder, "page.liquid"), "<article class=\"own\"><h1>{{ page.title | upcase }}</h1></article>");
        File.WriteAllText(Path.Combine(ThemeFolder, "assets", "site.css"), "body { color: rebeccapurple; }");
        settings["Bayan:Theme"] = ThemeFolder;
    }
}

[Trait(Suite.Category, Suite.Database)]
public sealed class OwnThemeTests(OwnThemeSite site) : IClassFixture<OwnThemeSite>
{
    [Fact]
    public async Task The_site_theme_overrides_what_it_has_and_the_default_theme_serves_the_rest()
    {
        var key = Seed.Unique("about");
        await site.Seed.WithDbAsync(async db =>
        {
            db.Pages.Add(new Bayan.Pages.StaticPage { Key = key, Language = "en", Slug = key, Title = "About us" });
            await db.SaveChangesAsync();
        });

        var (_, page) = await site.Http.GetPageAsync($"/en/pages/{key}");
        var css = await site.Http.GetStringAsync("/theme/site.css");
        var (home, _) = await site.Http.GetPageAsync("/en/");

        Assert.Equal("ABOUT US", page.Text("article.own h1"));
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.Contains("rebeccapurple", css);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
