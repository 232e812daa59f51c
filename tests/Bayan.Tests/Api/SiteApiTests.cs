using System.Net;
using Bayan.Navigation;
using Bayan.Pages;
using Bayan.Rendering;
using Bayan.Tests.Support;

namespace Bayan.Tests.Api;

/// <summary>What files and surrounds the releases, as the API gives it: offices, categories, tags, pages, menus, settings.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SiteApiTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_site_says_its_languages_names_zone_and_calendars()
    {
        var answer = await site.Http.GetApiAsync("/api/v1/site");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("ar", answer.Text("defaultLanguage"));
        Assert.Equal("Asia/Riyadh", answer.Text("timeZone"));
        var languages = answer.Json.GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(["ar", "en", "tr"], languages.Select(l => l.GetProperty("code").GetString()));
        Assert.Equal("rtl", languages[0].GetProperty("direction").GetString());
        Assert.Equal("Test Newsroom", languages[1].GetProperty("siteName").GetString());
        Assert.Equal("hijri:medium gregorian:long", answer.Json.GetProperty("calendars").GetProperty("dateline").GetString());
    }

    [Fact]
    public async Task Offices_come_with_their_names_and_signature_lines()
    {
        var office = await site.Seed.OfficeAsync();

        var answer = await site.Http.GetApiAsync("/api/v1/offices");

        var entry = answer.Items.Single(o => o.GetProperty("code").GetString() == office.Code);
        Assert.Equal(office.Id, entry.GetProperty("id").GetInt32());
        Assert.Equal("Asia/Riyadh", entry.GetProperty("timeZone").GetString());
        var names = entry.GetProperty("names").EnumerateArray().ToList();
        Assert.Equal(["ar", "en"], names.Select(n => n.GetProperty("language").GetString()));
        Assert.Equal($"Office {office.Code}", names[1].GetProperty("name").GetString());
        Assert.EndsWith($"/en/{office.Code}/", names[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Categories_are_a_tree_named_in_each_language_or_in_the_one_asked()
    {
        var parent = await site.Seed.CategoryAsync();
        var child = await site.Seed.CategoryAsync(parent);

        var all = await site.Http.GetApiAsync("/api/v1/categories");
        var english = await site.Http.GetApiAsync("/api/v1/categories?language=en");

        var node = all.Items.Single(c => c.GetProperty("id").GetInt32() == parent.Id);
        Assert.Equal(["ar", "en"], node.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("language").GetString()));
        Assert.Equal(child.Id, node.GetProperty("children").EnumerateArray().Single().GetProperty("id").GetInt32());
        Assert.DoesNotContain(all.Items, c => c.GetProperty("id").GetInt32() == child.Id);
        var inEnglish = english.Items.Single(c => c.GetProperty("id").GetInt32() == parent.Id);
        var name = inEnglish.GetProperty("names").EnumerateArray().Single();
        Assert.Equal(parent.Names.Single(n => n.Language == "en").Slug, name.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Tags_of_public_releases_are_listed_with_their_names()
    {
        var office = await site.Seed.OfficeAsync();
        var used = await site.Seed.TagAsync();
        var unused = await site.Seed.TagAsync();
        await site.Seed.ReleaseAsync(office, tag: used);

        var answer = await site.Http.GetApiAsync("/api/v1/tags?language=en");

        var tag = answer.Items.Single(t => t.GetProperty("id").GetInt32() == used.Id);
        Assert.Equal(Seed.EnglishSlug(used), tag.GetProperty("names")[0].GetProperty("slug").GetString());
        Assert.DoesNotContain(answer.Items, t => t.GetProperty("id").GetInt32() == unused.Id);
    }

    [Fact]
    public async Task Static_pages_are_listed_and_read_with_html_markdown_and_translations()
    {
        var key = Seed.Unique("about");
        await site.Seed.WithDbAsync(async db =>
        {
            db.Pages.AddRange(
                new StaticPage { Key = key, Language = "en", Slug = key, Title = "About us", Body = "We are **here**.", BodyHtml = MarkdownRenderer.ToSafeHtml("We are **here**."), UpdatedAt = DateTime.UtcNow },
                new StaticPage { Key = key, Language = "ar", Slug = "من-نحن-" + key, Title = "من نحن", Body = "نحن **هنا**.", BodyHtml = MarkdownRenderer.ToSafeHtml("نحن **هنا**."), UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var list = await site.Http.GetApiAsync("/api/v1/pages?language=en");
        var page = await site.Http.GetApiAsync($"/api/v1/pages/en/{key}");
        var missing = await site.Http.GetApiAsync("/api/v1/pages/en/no-such-page");

        var item = list.Items.Single(p => p.GetProperty("key").GetString() == key);
        Assert.Equal(new Uri(site.BaseAddress, $"/api/v1/pages/en/{key}").AbsoluteUri, item.GetProperty("apiUrl").GetString());
        Assert.Equal("About us", page.Text("title"));
        Assert.Contains("<strong>here</strong>", page.Text("bodyHtml"));
        Assert.Equal("We are **here**.", page.Text("bodyMarkdown"));
        Assert.Equal(["ar", "en"], page.Json.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("language").GetString()));
        ApiCalls.AssertProblem(missing, HttpStatusCode.NotFound, "api_page_not_found");
    }

    [Fact]
    public async Task Menus_give_each_language_its_menu_and_link_lists()
    {
        var label = Seed.Unique("Contact");
        await site.Seed.WithDbAsync(async db =>
        {
            db.MenuItems.Add(new MenuItem { Language = "tr", Label = label, Url = "/tr/pages/iletisim", Position = 0 });
            db.LinkLists.Add(new LinkList { Language = "tr", Title = "Bağlantılar", Items = [new LinkListItem { Label = "Bakanlık", Url = "https://example.org/", Position = 0 }] });
            await db.SaveChangesAsync();
        });

        var answer = await site.Http.GetApiAsync("/api/v1/menus?language=tr");

        var turkish = answer.Items.Single();
        Assert.Equal("tr", turkish.GetProperty("language").GetString());
        Assert.Contains(turkish.GetProperty("menu").EnumerateArray(), m => m.GetProperty("label").GetString() == label
            && m.GetProperty("url").GetString() == new Uri(site.BaseAddress, "/tr/pages/iletisim").AbsoluteUri);
        Assert.Equal("https://example.org/", turkish.GetProperty("linkLists")[0].GetProperty("links")[0].GetProperty("url").GetString());
    }
}
