using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Manage;

[Trait(Suite.Category, Suite.Database)]
public sealed class ManagementTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<AdminClient> SignedInAsync(bool administrator = true, int[]? offices = null)
    {
        var user = await site.Seed.UserAsync(administrator: administrator, offices: offices);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    [Fact]
    public async Task A_menu_item_appears_in_its_language_only_and_bad_addresses_are_refused()
    {
        using var admin = await SignedInAsync();
        var label = Seed.Unique("عن المكتب");

        var added = await admin.PostFormAsync("/admin/navigation", "/admin/navigation?handler=AddMenuItem",
            [new("language", "ar"), new("label", label), new("url", "/ar/pages/about")]);
        var refused = await admin.PostFormAsync("/admin/navigation", "/admin/navigation?handler=AddMenuItem",
            [new("language", "en"), new("label", "Evil"), new("url", "javascript:alert(1)")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var (_, arabic) = await site.Http.GetPageAsync("/ar/");
        var (_, english) = await site.Http.GetPageAsync("/en/");
        Assert.Contains(arabic.QuerySelectorAll("nav.menu a"), a => a.TextContent == label);
        Assert.DoesNotContain(english.QuerySelectorAll("nav.menu a"), a => a.TextContent == label);
        Assert.False(await site.Seed.WithDbAsync(db => db.MenuItems.AnyAsync(m => m.Url.StartsWith("javascript"))));
    }

    [Fact]
    public async Task Categories_are_created_with_a_slug_per_language_and_cannot_sit_inside_themselves()
    {
        using var admin = await SignedInAsync();
        var name = Seed.Unique("Water");

        var created = await admin.PostFormAsync("/admin/categories", "/admin/categories?handler=Save",
            [new("names[en]", name), new("names[ar]", "مياه " + name)]);
        var category = await site.Seed.WithDbAsync(db => db.CategoryNames.SingleAsync(n => n.Name == name));
        var child = await site.Seed.CategoryAsync();
        await site.Seed.WithDbAsync(db => db.Categories.Where(c => c.Id == child.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, category.CategoryId)));
        var cycle = await admin.PostFormAsync("/admin/categories", "/admin/categories?handler=Save",
            [new("id", category.CategoryId.ToString()), new("parentId", child.Id.ToString()), new("names[en]", name)]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        // Its page answers once something is filed under it; empty, it answers as an unknown category would.
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync($"/en/category/{category.Slug}/")).StatusCode);
        var filed = await site.Seed.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Id == category.CategoryId));
        await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync(), category: filed);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/en/category/{category.Slug}/")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Null(await site.Seed.WithDbAsync(db => db.Categories.Where(c => c.Id == category.CategoryId).Select(c => c.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task Merging_a_tag_moves_its_releases_without_duplicates()
    {
        var office = await site.Seed.OfficeAsync();
        var from = await site.Seed.TagAsync();
        var into = await site.Seed.TagAsync();
        var release = await site.Seed.ReleaseAsync(office, tag: from);
        using var admin = await SignedInAsync();

        var merged = await admin.PostFormAsync("/admin/tags", "/admin/tags?handler=Merge", [new("id", from.Id.ToString()), new("into", into.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var tags = await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).SelectMany(r => r.Tags).Select(t => t.Id).ToListAsync());
        Assert.Equal([into.Id], tags);
        Assert.False(await site.Seed.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == from.Id)));
    }

    [Fact]
    public async Task A_static_page_and_its_translation_are_written_in_the_back_office()
    {
        using var admin = await SignedInAsync();
        var key = Seed.Unique("contact");

        await admin.PostFormAsync("/admin/pages", "/admin/pages?handler=Save",
            [new("Key", key), new("Language", "en"), new("Title", "Contact us"), new("Slug", key), new("Body", "Write to **us**.")]);
        await admin.PostFormAsync("/admin/pages", "/admin/pages?handler=Save",
            [new("Key", key), new("Language", "ar"), new("Title", "اتصل بنا"), new("Slug", "اتصل-" + key), new("Body", "راسلونا.")]);
        var bad = await admin.PostFormAsync("/admin/pages", "/admin/pages?handler=Save",
            [new("Key", key + "x"), new("Language", "en"), new("Title", "<script>x</script>"), new("Body", "")]);

        var (_, page) = await site.Http.GetPageAsync($"/en/pages/{key}");
        Assert.Equal("us", page.Text("article.page strong"));
        Assert.Equal($"/ar/pages/{Uri.EscapeDataString("اتصل-" + key)}", page.QuerySelector("nav.languages a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task Editors_may_not_manage_categories_tags_menus_or_pages()
    {
        var office = await site.Seed.OfficeAsync();
        using var editor = await SignedInAsync(administrator: false, offices: [office.Id]);
        var before = await site.Seed.WithDbAsync(async db => (await db.MenuItems.CountAsync(), await db.Categories.CountAsync(), await db.Pages.CountAsync()));

        foreach (var path in new[] { "/admin/categories", "/admin/tags", "/admin/navigation", "/admin/pages" })
            Assert.Contains("/admin/denied", (await editor.GetAsync(path)).Headers.Location?.OriginalString ?? "");
        await editor.PostFormAsync("/admin/login", "/admin/navigation?handler=AddMenuItem", [new("language", "en"), new("label", "x"), new("url", "/x")]);
        await editor.PostFormAsync("/admin/login", "/admin/categories?handler=Save", [new("names[en]", Seed.Unique("c"))]);
        await editor.PostFormAsync("/admin/login", "/admin/pages?handler=Save", [new("Key", "k"), new("Language", "en"), new("Title", "T")]);

        var after = await site.Seed.WithDbAsync(async db => (await db.MenuItems.CountAsync(), await db.Categories.CountAsync(), await db.Pages.CountAsync()));
        Assert.Equal(before, after);
    }
}
