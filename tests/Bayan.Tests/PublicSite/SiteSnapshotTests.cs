using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.PublicSite;

/// <summary>
/// The names every page shows (offices, categories, menus) are kept in memory between requests;
/// a change saved in the back office shows on the very next page, with no output cache to hide it.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SiteSnapshotTests(CommandCountingSite site) : IClassFixture<CommandCountingSite>
{
    private async Task<AdminClient> SignedInAsync()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    [Fact]
    public async Task An_office_renamed_in_the_back_office_is_renamed_on_its_release_and_listing_pages()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var releasePath = $"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}";
        Assert.Contains($"Office {office.Code}", await site.Http.GetStringAsync(releasePath));
        using var admin = await SignedInAsync();
        var renamed = Seed.Unique("Renamed office");

        var saved = await admin.PostFormAsync($"/admin/offices/{office.Id}",
        [
            new("Code", office.Code), new("Names[ar]", "مكتب"), new("Names[en]", renamed), new("DefaultLanguage", "ar"),
            new("TimeZone", "Asia/Riyadh"), new("HijriAdjustment", "0"), new("NumberingPattern", "{hijri-year}/{seq:2}"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await site.Http.GetPageAsync(releasePath);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Contains(renamed));
        Assert.DoesNotContain($"Office {office.Code}", page.DocumentElement.OuterHtml);
        var (_, listing) = await site.Http.GetPageAsync($"/en/{office.Code}/");
        Assert.Equal(renamed, listing.Text("h1"));
    }

    [Fact]
    public async Task A_category_renamed_and_a_menu_item_added_in_the_back_office_show_on_the_next_page()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var release = await site.Seed.ReleaseAsync(office, category: category);
        var releasePath = $"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}";
        await site.Http.GetStringAsync(releasePath);
        using var admin = await SignedInAsync();
        var renamed = Seed.Unique("Renamed category");
        var menu = Seed.Unique("Menu item");

        var savedCategory = await admin.PostFormAsync("/admin/categories", "/admin/categories?handler=Save",
            [new("id", category.Id.ToString()), new("names[en]", renamed), new("names[ar]", "فئة " + renamed)]);
        var savedMenu = await admin.PostFormAsync("/admin/navigation", "/admin/navigation?handler=AddMenuItem",
            [new("language", "en"), new("label", menu), new("url", "/en/pages/about")]);

        Assert.Equal(HttpStatusCode.Redirect, savedCategory.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, savedMenu.StatusCode);
        var (_, page) = await site.Http.GetPageAsync(releasePath);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent == renamed);
        Assert.Contains(page.QuerySelectorAll("nav.menu a"), a => a.TextContent == menu);
        var slug = await site.Seed.WithDbAsync(db => db.CategoryNames.Where(n => n.CategoryId == category.Id && n.Language == "en").Select(n => n.Slug).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/en/category/{slug}/")).StatusCode);
    }
}
