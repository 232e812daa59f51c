using System.Net;
using Bayan.Tests.Support;

namespace Bayan.Tests.Themes;

/// <summary>A site with a theme folder of its own holding one template and one style sheet.</summary>
public sealed class OwnThemeSite : TestSite
{
    public string ThemeFolder { get; } = Path.Combine(Path.GetTempPath(), "bayan-tests", "theme-" + Guid.NewGuid().ToString("N"));

    /// <summary>A part the page's template includes.</summary>
    public string SignatureFile => Path.Combine(ThemeFolder, "signature.liquid");

    /// <summary>The theme's own sidebar, and a part it includes.</summary>
    public string SidebarFile => Path.Combine(ThemeFolder, "sidebar.liquid");
    public string SidebarNoteFile => Path.Combine(ThemeFolder, "sidebar-note.liquid");

    protected override void Configure(Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.Combine(ThemeFolder, "assets"));
        File.WriteAllText(Path.Combine(ThemeFolder, "page.liquid"), "<article class=\"own\"><h1>{{ page.title | upcase }}</h1>{% include \"signature\" %}</article>");
        File.WriteAllText(SignatureFile, "<p class=\"signature\">first</p>");
        File.WriteAllText(SidebarFile, "<p class=\"own-sidebar\">first</p>{% include \"sidebar-note\" %}");
        File.WriteAllText(SidebarNoteFile, "<p class=\"sidebar-note\">first</p>");
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

    [Fact]
    public async Task An_edit_of_an_included_template_shows_on_the_next_pages()
    {
        var key = Seed.Unique("contact");
        await site.Seed.WithDbAsync(async db =>
        {
            db.Pages.Add(new Bayan.Pages.StaticPage { Key = key, Language = "en", Slug = key, Title = "Contact" });
            await db.SaveChangesAsync();
        });
        var (_, before) = await site.Http.GetPageAsync($"/en/pages/{key}");
        Assert.Equal("first", before.Text("p.signature"));

        await File.WriteAllTextAsync(site.SignatureFile, "<p class=\"signature\">second</p>");

        Assert.Equal("second", await ShownAsync($"/en/pages/{key}", "p.signature", "second"));
    }

    [Fact]
    public async Task An_edit_of_the_sidebar_or_of_a_part_it_includes_shows_on_the_next_pages()
    {
        // The sidebar is rendered once and kept (LayoutParts) until the site or the theme changes.
        var key = Seed.Unique("sidebar");
        await site.Seed.WithDbAsync(async db =>
        {
            db.Pages.Add(new Bayan.Pages.StaticPage { Key = key, Language = "en", Slug = key, Title = "Sidebar" });
            await db.SaveChangesAsync();
        });
        var (_, before) = await site.Http.GetPageAsync($"/en/pages/{key}");
        Assert.Equal("first", before.Text("aside.sidebar p.own-sidebar"));
        Assert.Equal("first", before.Text("aside.sidebar p.sidebar-note"));

        await File.WriteAllTextAsync(site.SidebarFile, "<p class=\"own-sidebar\">second</p>{% include \"sidebar-note\" %}");
        Assert.Equal("second", await ShownAsync($"/en/pages/{key}", "aside.sidebar p.own-sidebar", "second"));

        await File.WriteAllTextAsync(site.SidebarNoteFile, "<p class=\"sidebar-note\">second</p>");
        Assert.Equal("second", await ShownAsync($"/en/pages/{key}", "aside.sidebar p.sidebar-note", "second"));
    }

    /// <summary>
    /// What <paramref name="selector"/> shows once a file edit has arrived from the file system (a moment
    /// later, not within the writing call); each look asks another address, so the output cache (which a
    /// theme edit does not empty) answers none of them.
    /// </summary>
    private async Task<string?> ShownAsync(string path, string selector, string expected)
    {
        string? shown = null;
        for (var attempt = 0; attempt < 200 && shown != expected; attempt++)
        {
            await Task.Delay(50);
            var (_, after) = await site.Http.GetPageAsync($"{path}?look={attempt}");
            shown = after.Text(selector);
        }
        return shown;
    }
}
