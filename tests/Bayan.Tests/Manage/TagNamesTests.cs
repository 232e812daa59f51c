using Bayan.Operations;
using System.Net;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Releases;
using Bayan.Slugs;
using Bayan.Tags;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Manage;

/// <summary>A tag has a name per language, like a category; a page shows only the names in its own language.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class TagNamesTests(TestSite site) : IClassFixture<TestSite>
{
    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    private async Task<AdminClient> AdministratorAsync()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    private Task<Tag> ArabicOnlyTagAsync(string name) => site.Seed.WithDbAsync(async db =>
    {
        var tag = new Tag { Names = [new TagName { Language = "ar", Name = name, Slug = Slug.From(name) }] };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    });

    private Task TagAsync(Release release, params Tag[] tags) => site.Seed.WithDbAsync(async db =>
    {
        var stored = await db.Releases.Include(r => r.Tags).SingleAsync(r => r.Id == release.Id);
        var ids = tags.Select(t => t.Id).ToList();
        stored.Tags.AddRange(await db.Tags.Where(t => ids.Contains(t.Id)).ToListAsync());
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_release_page_shows_only_the_tags_named_in_its_language()
    {
        var office = await site.Seed.OfficeAsync();
        var both = await site.Seed.TagAsync();
        var arabicName = Seed.Unique("موجة حر");
        var arabicOnly = await ArabicOnlyTagAsync(arabicName);
        var release = await site.Seed.ReleaseAsync(office, tag: both);
        await TagAsync(release, arabicOnly);

        var (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));
        var (_, arabic) = await site.Http.GetPageAsync(PathOf(release, "ar"));

        var englishTags = english.QuerySelectorAll("article.release .terms a[href*='/tag/']").ToList();
        Assert.Equal([$"#{Seed.EnglishSlug(both)}"], englishTags.Select(a => a.TextContent));
        Assert.Equal($"/en/tag/{Seed.EnglishSlug(both)}/", englishTags[0].GetAttribute("href"));
        Assert.DoesNotContain(arabicName, english.QuerySelector("article.release")!.TextContent);
        Assert.DoesNotContain(arabicName, english.Head!.InnerHtml);
        var arabicTags = arabic.QuerySelectorAll("article.release .terms a[href*='/tag/']").Select(a => a.TextContent.TrimStart('#')).Order().ToList();
        Assert.Equal(new[] { arabicName, both.NameIn("ar")!.Name }.Order(), arabicTags);
    }

    [Fact]
    public async Task A_tag_page_exists_in_the_languages_the_tag_is_named_in()
    {
        var office = await site.Seed.OfficeAsync();
        var name = Seed.Unique("تحلية");
        var tag = await ArabicOnlyTagAsync(name);
        var release = await site.Seed.ReleaseAsync(office);
        await TagAsync(release, tag);
        var slug = Uri.EscapeDataString(Slug.From(name));

        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/ar/tag/{slug}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync($"/en/tag/{slug}/")).StatusCode);
    }

    [Fact]
    public async Task The_back_office_names_a_tag_in_each_language_and_refuses_a_taken_name()
    {
        var office = await site.Seed.OfficeAsync();
        var arabicName = Seed.Unique("ترشيد");
        var tag = await ArabicOnlyTagAsync(arabicName);
        var other = await site.Seed.TagAsync();
        var release = await site.Seed.ReleaseAsync(office);
        await TagAsync(release, tag);
        var english = Seed.Unique("Conservation");
        using var admin = await AdministratorAsync();

        var saved = await admin.PostFormAsync("/admin/tags", "/admin/tags?handler=Names",
            [new("id", tag.Id.ToString()), new("names[ar]", arabicName), new("names[en]", english), new("names[tr]", "")]);
        var taken = await admin.PostFormAsync("/admin/tags", "/admin/tags?handler=Names",
            [new("id", tag.Id.ToString()), new("names[ar]", arabicName), new("names[en]", Seed.EnglishSlug(other))]);
        var empty = await admin.PostFormAsync("/admin/tags", "/admin/tags?handler=Names", [new("id", tag.Id.ToString()), new("names[ar]", " ")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var names = await site.Seed.WithDbAsync(db => db.TagNames.Where(n => n.TagId == tag.Id).OrderBy(n => n.Language).Select(n => n.Name).ToListAsync());
        Assert.Equal([arabicName, english], names);
        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "en"));
        Assert.Equal([$"#{english}"], page.QuerySelectorAll("article.release .terms a[href*='/tag/']").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync($"/en/tag/{Slug.From(english)}/")).StatusCode);
        var form = await admin.PageAsync("/admin/tags");
        Assert.Equal(english, form.QuerySelector($"input[name='names[en]'][id='tag-{tag.Id}-en']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Merging_an_arabic_tag_into_its_english_twin_gives_one_tag_named_in_both()
    {
        var office = await site.Seed.OfficeAsync();
        var arabicName = Seed.Unique("طوارئ");
        var arabic = await ArabicOnlyTagAsync(arabicName);
        var english = await site.Seed.WithDbAsync(async db =>
        {
            var name = Seed.Unique("emergency");
            var tag = new Tag { Names = [new TagName { Language = "en", Name = name, Slug = name }] };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            return tag;
        });
        var release = await site.Seed.ReleaseAsync(office);
        await TagAsync(release, arabic);
        using var admin = await AdministratorAsync();

        var merged = await admin.PostFormAsync("/admin/tags", "/admin/tags?handler=Merge", [new("id", arabic.Id.ToString()), new("into", english.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var names = await site.Seed.WithDbAsync(db => db.TagNames.Where(n => n.TagId == english.Id).OrderBy(n => n.Language).Select(n => n.Language + "=" + n.Name).ToListAsync());
        Assert.Equal([$"ar={arabicName}", $"en={english.Names[0].Name}"], names);
        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "en"));
        Assert.Equal([$"#{english.Names[0].Name}"], page.QuerySelectorAll("article.release .terms a[href*='/tag/']").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Tags_typed_in_a_release_are_named_in_its_language_and_found_by_any_of_their_names()
    {
        var office = await site.Seed.OfficeAsync();
        var known = await site.Seed.TagAsync();
        var fresh = Seed.Unique("لقاح");
        var editor = Actor.System("editor");

        var outcome = await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(editor,
            new NewRelease(office.Id, ReleaseType.PressRelease, "ar", "بيان الوسوم", null, "", "نص", [], [fresh, Seed.EnglishSlug(known)]), default));

        var id = Assert.IsType<Outcome.Done>(outcome).ReleaseId;
        var tags = await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == id).SelectMany(r => r.Tags).Include(t => t.Names).ToListAsync());
        Assert.Equal(2, tags.Count);
        Assert.Contains(tags, t => t.Id == known.Id);
        var created = Assert.Single(tags, t => t.Id != known.Id);
        Assert.Equal([("ar", fresh)], created.Names.Select(n => (n.Language, n.Name)));
    }
}
