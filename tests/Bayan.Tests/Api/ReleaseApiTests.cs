using System.Net;
using Bayan.Media;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Caching;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>/api/v1/releases as a syndication partner reads it: lists, filters, pages and one release.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseApiTests(CacheTestSite site) : IClassFixture<CacheTestSite>
{
    private static readonly DateTime Thursday = new(2024, 11, 21, 10, 30, 0, DateTimeKind.Utc);

    private static string EnglishTitle(Release release) => release.Versions.Single(v => v.Language == "en").Title;

    [Fact]
    public async Task The_list_gives_releases_newest_first_in_the_language_asked_with_dates_as_iso_and_in_the_calendars()
    {
        var office = await site.Seed.OfficeAsync();
        var older = await site.Seed.ReleaseAsync(office, publishAt: Thursday);
        var newer = await site.Seed.ReleaseAsync(office, publishAt: Thursday.AddDays(1));

        var english = await site.Http.GetApiAsync($"/api/v1/releases?language=en&office={office.Code}");

        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Equal("application/json", english.ContentType);
        Assert.Equal("*", english.Response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal([newer.Id, older.Id], english.Ids);
        var item = english.Items[1];
        Assert.Equal("en", item.GetProperty("language").GetString());
        Assert.Equal(EnglishTitle(older), item.GetProperty("title").GetString());
        Assert.True(item.GetProperty("isTranslation").GetBoolean());
        Assert.Equal("pressRelease", item.GetProperty("type").GetString());
        Assert.Equal(office.Code, item.GetProperty("office").GetProperty("code").GetString());
        Assert.Equal("2024-11-21T13:30:00+03:00", item.GetProperty("published").GetProperty("at").GetString());
        Assert.Equal("H. 19 Jumada al-Awwal 1446 — M. 21 November 2024", item.GetProperty("published").GetProperty("text").GetString()!.Readable());
        Assert.EndsWith($"/en/{office.Code}/{older.Id}/{older.Versions.Single(v => v.Language == "en").Slug}", item.GetProperty("url").GetString());
        Assert.Equal(new Uri(site.BaseAddress, $"/api/v1/releases/{older.Id}").AbsoluteUri, item.GetProperty("apiUrl").GetString());

        var arabic = await site.Http.GetApiAsync($"/api/v1/releases?language=ar&office={office.Code}");
        var original = arabic.Items[1];
        Assert.False(original.GetProperty("isTranslation").GetBoolean());
        Assert.Equal("rtl", original.GetProperty("direction").GetString());
        Assert.Equal("١٩ جمادى الأولى ١٤٤٦ هـ — ٢١ نوفمبر ٢٠٢٤ م", original.GetProperty("published").GetProperty("text").GetString()!.Readable());
        // On the wire as a reader of curl sees it: the offset and the Arabic as they are, not escaped.
        Assert.Contains("\"at\":\"2024-11-21T13:30:00+03:00\"", english.Body);
        Assert.Contains(older.Versions.Single(v => v.Language == "ar").Title, arabic.Body);
    }

    [Fact]
    public async Task Without_a_language_each_release_comes_once_in_its_original_and_a_language_lists_only_releases_written_in_it()
    {
        var office = await site.Seed.OfficeAsync();
        var both = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-2));
        var arabicOnly = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-1), english: false);

        var all = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}");
        var english = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}&language=en");

        Assert.Equal([arabicOnly.Id, both.Id], all.Ids);
        Assert.All(all.Items, item => Assert.Equal("ar", item.GetProperty("language").GetString()));
        Assert.Equal([both.Id], english.Ids);
    }

    [Fact]
    public async Task Filters_by_category_with_its_subcategories_by_tag_and_by_office()
    {
        var office = await site.Seed.OfficeAsync();
        var parent = await site.Seed.CategoryAsync();
        var child = await site.Seed.CategoryAsync(parent);
        var tag = await site.Seed.TagAsync();
        var inChild = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-3), category: child);
        var inParent = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-2), category: parent, tag: tag);
        var elsewhere = await site.Seed.ReleaseAsync(await site.Seed.OfficeAsync(), publishAt: site.Now.AddHours(-1), category: parent);

        Assert.Equal([inParent.Id, inChild.Id], (await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}&category={parent.Id}")).Ids);
        Assert.Equal([elsewhere.Id, inParent.Id, inChild.Id], (await site.Http.GetApiAsync($"/api/v1/releases?category={parent.Id}")).Ids);
        var childSlug = child.Names.Single(n => n.Language == "en").Slug;
        Assert.Equal([inChild.Id], (await site.Http.GetApiAsync($"/api/v1/releases?category={childSlug}")).Ids);
        Assert.Equal([inParent.Id], (await site.Http.GetApiAsync($"/api/v1/releases?tag={Seed.EnglishSlug(tag)}")).Ids);
        Assert.Equal([inParent.Id], (await site.Http.GetApiAsync($"/api/v1/releases?tag={tag.Id}&language=en")).Ids);
    }

    [Fact]
    public async Task Since_and_until_bound_the_publication_time_given_with_an_offset_or_as_a_day_of_the_site()
    {
        var office = await site.Seed.OfficeAsync();
        var first = await site.Seed.ReleaseAsync(office, publishAt: Thursday);
        var second = await site.Seed.ReleaseAsync(office, publishAt: Thursday.AddDays(1));
        var third = await site.Seed.ReleaseAsync(office, publishAt: Thursday.AddDays(2));

        var between = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}&since={Uri.EscapeDataString("2024-11-22T13:30:00+03:00")}&until=2024-11-23T10:30:00Z");
        // Days are the site's (Riyadh): 2024-11-22 begins at 21:00 UTC the day before.
        var fromDay = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}&since=2024-11-22");
        var untilDay = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}&until=2024-11-22");

        Assert.Equal([second.Id], between.Ids);
        Assert.Equal([third.Id, second.Id], fromDay.Ids);
        Assert.Equal([first.Id], untilDay.Ids);
    }

    [Fact]
    public async Task Search_words_find_the_releases_of_the_language_and_need_one()
    {
        var office = await site.Seed.OfficeAsync();
        var word = "osprey" + Guid.NewGuid().ToString("N")[..8];
        // Dated by the site's clock, which the tests hold still: "five minutes ago" by the wall clock may be its future.
        var found = await site.Seed.ReleaseAsync(office, title: word, publishAt: site.Now.AddHours(-1));
        await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-1));

        var english = await site.Http.GetApiAsync($"/api/v1/releases?language=en&q={word}");
        var withOffice = await site.Http.GetApiAsync($"/api/v1/releases?language=en&office={office.Code}&q={word}");
        var noLanguage = await site.Http.GetApiAsync($"/api/v1/releases?q={word}");

        Assert.Equal([found.Id], english.Ids);
        Assert.Equal([found.Id], withOffice.Ids);
        ApiCalls.AssertProblem(noLanguage, HttpStatusCode.BadRequest, "api_words_need_language");
        Assert.Equal("q", noLanguage.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Cursor_pages_read_every_release_once_although_one_is_published_between_two_pages()
    {
        var office = await site.Seed.OfficeAsync();
        var releases = new List<Release>();
        for (var i = 5; i >= 1; i--)
            releases.Add(await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-i)));
        // Two at the very same instant: the id orders them, as the cursor does.
        releases.Add(await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-1)));
        var draft = await site.Seed.ReleaseAsync(office, publishAt: site.Now.AddHours(-1));
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == draft.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Draft).SetProperty(r => r.PublishAt, (DateTime?)null)));
        var path = $"/api/v1/releases?office={office.Code}&limit=2";

        var first = await site.Http.GetApiAsync(path);
        Assert.Equal(2, first.Ids.Count);
        Assert.NotNull(first.Next);
        Assert.Equal(ApiCalls.With(path, "cursor", first.Next!), new Uri(first.Text("nextUrl")).PathAndQuery);
        var published = await site.RunAsync<PublishRelease, Outcome>(p => p.RunAsync(CacheTestSite.Editor, draft.Id, CancellationToken.None));
        Assert.IsType<Outcome.Done>(published);
        var rest = new List<int>();
        for (var next = first.Next; next is not null;)
        {
            var page = await site.Http.GetApiAsync(ApiCalls.With(path, "cursor", next));
            rest.AddRange(page.Ids);
            next = page.Next;
        }

        var expected = releases.OrderByDescending(r => r.PublishAt).ThenByDescending(r => r.Id).Select(r => r.Id).ToList();
        Assert.Equal(expected, first.Ids.Concat(rest).ToList());
        // The new release stands at the top of the list read afresh.
        Assert.Equal([draft.Id, .. expected], await site.Http.AllIdsAsync(path));
    }

    [Fact]
    public async Task One_release_has_every_version_with_html_markdown_dates_translation_links_filing_and_media()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var tag = await site.Seed.TagAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: Thursday, category: category, tag: tag);
        var image = new MediaItem
        {
            Id = Guid.NewGuid(), Kind = "image", FileName = "minister.jpg", ContentType = "image/jpeg", Bytes = 250_000, Width = 1600, Height = 900,
            Url = "/media/2024/11/minister.jpg", Renditions = "/media/2024/11/minister-480.jpg 480w, /media/2024/11/minister-960.jpg 960w, /media/2024/11/minister-1600.jpg 1600w",
            UploadedBy = "tests", CreatedAt = Thursday,
        };
        var pdf = new MediaItem
        {
            Id = Guid.NewGuid(), Kind = "pdf", FileName = "statement.pdf", ContentType = "application/pdf", Bytes = 90_000,
            Url = "/media/2024/11/statement.pdf", UploadedBy = "tests", CreatedAt = Thursday,
        };
        await site.Seed.WithDbAsync(async db =>
        {
            db.Media.AddRange(image, pdf);
            var stored = await db.Releases.SingleAsync(r => r.Id == release.Id);
            stored.FeaturedImage = SetReleaseMedia.DisplayUrl(image);
            db.ReleaseAttachments.Add(new ReleaseAttachment { ReleaseId = release.Id, MediaId = pdf.Id, Position = 0 });
            await db.SaveChangesAsync();
        });

        var answer = await site.Http.GetApiAsync($"/api/v1/releases/{release.Id}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var json = answer.Json;
        Assert.Equal(release.Id, json.GetProperty("id").GetInt32());
        Assert.Equal("published", json.GetProperty("status").GetString());
        Assert.Equal("ar", json.GetProperty("originalLanguage").GetString());
        Assert.Equal(release.ReferenceNumber, json.GetProperty("referenceNumber").GetString());
        Assert.Equal("2024-11-21T13:30:00+03:00", json.GetProperty("publishedAt").GetString());
        var versions = json.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["ar", "en"], versions.Select(v => v.GetProperty("language").GetString()));
        var (ar, en) = (versions[0], versions[1]);
        Assert.True(ar.GetProperty("isOriginal").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ar.GetProperty("translationOf").ValueKind);
        Assert.Equal("ar", en.GetProperty("translationOf").GetProperty("language").GetString());
        Assert.Equal(ar.GetProperty("url").GetString(), en.GetProperty("translationOf").GetProperty("url").GetString());
        Assert.False(en.GetProperty("translationOf").GetProperty("outdated").GetBoolean());
        Assert.Contains("<em>statement</em>", en.GetProperty("bodyHtml").GetString());
        Assert.StartsWith("Body of the *statement* ", en.GetProperty("bodyMarkdown").GetString());
        Assert.Equal("H. 19 Jumada al-Awwal 1446 — M. Thursday, 21 November 2024", en.GetProperty("published").GetProperty("text").GetString()!.Readable());
        Assert.Equal("١٩ جمادى الأولى ١٤٤٦ هـ — الخميس، ٢١ نوفمبر ٢٠٢٤ م", ar.GetProperty("published").GetProperty("text").GetString()!.Readable());
        Assert.Equal(category.Names.Single(n => n.Language == "en").Name, en.GetProperty("categories")[0].GetProperty("name").GetString());
        Assert.Equal(Seed.EnglishSlug(tag), en.GetProperty("tags")[0].GetProperty("slug").GetString());
        var featured = json.GetProperty("featuredImage");
        Assert.Equal(new Uri(site.BaseAddress, image.Url).AbsoluteUri, featured.GetProperty("url").GetString());
        Assert.Equal([480, 960, 1600], featured.GetProperty("renditions").EnumerateArray().Select(r => r.GetProperty("width").GetInt32()));
        Assert.EndsWith("/media/2024/11/minister-960.jpg", featured.GetProperty("renditions")[1].GetProperty("url").GetString());
        var attachment = json.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        Assert.Equal(0, attachment.GetProperty("renditions").GetArrayLength());
    }

    [Fact]
    public async Task A_corrected_release_says_so_with_its_note_and_a_retracted_one_keeps_only_its_title_dates_and_why()
    {
        var office = await site.Seed.OfficeAsync();
        var corrected = await site.ReleaseAsync(office);
        var retracted = await site.ReleaseAsync(office);
        Assert.IsType<Outcome.Done>(await site.RunAsync<ReleaseWorkflow, Outcome>(w => w.CorrectAsync(CacheTestSite.Editor, corrected.Id, "تصحيح الرقم.", CancellationToken.None)));
        Assert.IsType<Outcome.Done>(await site.RunAsync<ReleaseWorkflow, Outcome>(w => w.RetractAsync(CacheTestSite.Editor, retracted.Id, "صدر خطأً.", CancellationToken.None)));

        var correction = await site.Http.GetApiAsync($"/api/v1/releases/{corrected.Id}");
        var retraction = await site.Http.GetApiAsync($"/api/v1/releases/{retracted.Id}");
        var list = await site.Http.GetApiAsync($"/api/v1/releases?office={office.Code}");

        Assert.Equal("corrected", correction.Text("status"));
        var english = correction.Json.GetProperty("versions")[1];
        // The English version has no note of its own: the original's, marked as Arabic.
        Assert.Equal("تصحيح الرقم.", english.GetProperty("correctionNote").GetProperty("text").GetString());
        Assert.Equal("ar", english.GetProperty("correctionNote").GetProperty("language").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, english.GetProperty("corrected").ValueKind);
        Assert.Equal(HttpStatusCode.OK, retraction.Status);
        Assert.Equal("retracted", retraction.Text("status"));
        var withdrawn = retraction.Json.GetProperty("versions")[0];
        Assert.Equal("صدر خطأً.", withdrawn.GetProperty("retractionNote").GetProperty("text").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, withdrawn.GetProperty("bodyHtml").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, withdrawn.GetProperty("summary").ValueKind);
        Assert.Equal([corrected.Id], list.Ids);
    }
}
