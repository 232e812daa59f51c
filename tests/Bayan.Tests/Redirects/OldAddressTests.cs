using System.Net;
using Bayan.Importing;
using Bayan.Importing.WordPress;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bayan.Tests.Importing.Wxr;

namespace Bayan.Tests.Redirects;

/// <summary>
/// The old addresses of an imported WordPress or Joomla/K2 site, asked of Bayan as a reader's browser or a search
/// engine would: 301 to the new page, 410 for what is gone, and nothing else changed.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class OldAddressTests(TestSite site) : IClassFixture<TestSite>
{
    // Each test's old ids and slugs are its own: the old site's ids are looked up without knowing the old site.
    private readonly int wpId = Random.Shared.Next(100_000, 10_000_000) * 10;
    private readonly string u = Guid.NewGuid().ToString("N")[..8];

    private const string ArabicSlug = "%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d9%85%d8%b1%d9%83%d8%b2";

    private async Task<(string Office, string OldSite)> ImportWordPressAsync()
    {
        var office = await site.Seed.OfficeAsync();
        var oldSite = $"https://old-{u}.example.org";
        var xml = Document("1.2",
            Category(wpId + 1, $"news-{u}", "أخبار"),
            Category(wpId + 2, $"%d8%b5%d8%ad%d8%a9-{u}", "صحة", parent: $"news-{u}"),
            Tag(wpId + 3, $"clinics-{u}", "عيادات"),
            Item(wpId + 10, "افتتاح مركز صحي", "أعلنت الوزارة افتتاح مركز صحي.", slug: $"{ArabicSlug}-{u}",
                extra: InCategory($"%d8%b5%d8%ad%d8%a9-{u}", "صحة") + InCategory($"clinics-{u}", "عيادات", "post_tag")),
            Item(wpId + 11, "Annual report", "The annual report is out.", slug: $"annual-report-{u}"),
            Item(wpId + 12, "من نحن", "نحن مكتب الإعلام.", type: "page", slug: $"about-{u}"),
            Item(wpId + 13, "مسودة", "نص المسودة", status: "draft", slug: $"draft-{u}"))
            .Replace("https://old.example.org", oldSite)
            // A date permalink for the Arabic post, a plain one (/?p=ID) for the English.
            .Replace($"{oldSite}/{ArabicSlug}-{u}/", $"{oldSite}/2023/11/04/{ArabicSlug}-{u}/")
            .Replace($"{oldSite}/annual-report-{u}/", $"{oldSite}/?p={wpId + 11}");
        await site.InScopeAsync(async services =>
        {
            var report = await services.GetRequiredService<ImportWordPress>().RunAsync(() => Stream(xml),
                new WordPressImportOptions(office.Code), new Progress<(string, int, int)>(), CancellationToken.None);
            Assert.Null(report.Error);
            return report;
        });
        return (office.Code, oldSite);
    }

    private Task<ImportedItem> ItemAsync(string source, string kind, string sourceId) =>
        site.Seed.WithDbAsync(db => db.ImportedItems.AsNoTracking().SingleAsync(i => i.Source == source && i.Kind == kind && i.SourceId == sourceId));

    private Task<string> ReleaseUrlAsync(int id, string language) => site.Seed.WithDbAsync(async db =>
    {
        var release = await db.Releases.AsNoTracking().Include(r => r.Office).Include(r => r.Versions).SingleAsync(r => r.Id == id);
        return SiteUrls.Release(language, release.Office.Code, id, release.Versions.Single(v => v.Language == language).Slug);
    });

    private async Task AssertMovedAsync(string old, string expected)
    {
        var response = await site.Http.GetAsync(old);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{old} answered {(int)response.StatusCode}, not 301.");
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        // A redirect is never kept as a page.
        Assert.False(response.Headers.Contains("X-Cache"));
        var landed = await site.Http.GetAsync(expected);
        Assert.True(landed.StatusCode == HttpStatusCode.OK, $"{expected} answered {(int)landed.StatusCode}.");
    }

    [Fact]
    public async Task WordPress_addresses_lead_to_the_imported_pages_with_301()
    {
        var (office, _) = await ImportWordPressAsync();
        var arabic = await ItemAsync("wordpress", ImportKinds.Post, $"{wpId + 10}");
        var english = await ItemAsync("wordpress", ImportKinds.Post, $"{wpId + 11}");
        var arabicUrl = await ReleaseUrlAsync(int.Parse(arabic.TargetId!), arabic.Language!);
        var englishUrl = await ReleaseUrlAsync(int.Parse(english.TargetId!), english.Language!);
        Assert.StartsWith($"/ar/{office}/", arabicUrl);

        await AssertMovedAsync($"/?p={wpId + 10}", arabicUrl);
        await AssertMovedAsync($"/?p={wpId + 11}", englishUrl);
        await AssertMovedAsync($"/index.php?p={wpId + 11}", englishUrl);
        // The date permalink, encoded as WordPress wrote it, in capitals, or as plain Arabic without the last slash.
        await AssertMovedAsync($"/2023/11/04/{ArabicSlug}-{u}/", arabicUrl);
        await AssertMovedAsync($"/2023/11/04/{ArabicSlug.ToUpperInvariant()}-{u}/", arabicUrl);
        await AssertMovedAsync($"/2023/11/04/{Uri.UnescapeDataString(ArabicSlug)}-{u}", arabicUrl);

        var page = await ItemAsync("wordpress", ImportKinds.Page, $"{wpId + 12}");
        var pageUrl = await site.Seed.WithDbAsync(async db =>
        {
            var made = await db.Pages.AsNoTracking().SingleAsync(p => p.Id == int.Parse(page.TargetId!));
            return SiteUrls.Page(made.Language, made.Slug);
        });
        await AssertMovedAsync($"/?page_id={wpId + 12}", pageUrl);
        await AssertMovedAsync($"/about-{u}/", pageUrl);

        var category = await ItemAsync("wordpress", ImportKinds.Category, $"صحة-{u}");
        var categoryUrl = await site.Seed.WithDbAsync(async db => SiteUrls.Category(category.Language!,
            (await db.CategoryNames.AsNoTracking().SingleAsync(n => n.CategoryId == int.Parse(category.TargetId!) && n.Language == category.Language)).Slug));
        await AssertMovedAsync($"/category/news-{u}/%d8%b5%d8%ad%d8%a9-{u}/", categoryUrl);
        await AssertMovedAsync($"/category/%d8%b5%d8%ad%d8%a9-{u}/", categoryUrl);

        var tag = await ItemAsync("wordpress", ImportKinds.Tag, $"clinics-{u}");
        var tagUrl = await site.Seed.WithDbAsync(async db => SiteUrls.Tag(tag.Language!,
            (await db.TagNames.AsNoTracking().SingleAsync(n => n.TagId == int.Parse(tag.TargetId!) && n.Language == tag.Language)).Slug));
        await AssertMovedAsync($"/tag/clinics-{u}/", tagUrl);

        await AssertMovedAsync("/feed/", "/ar/feed.rss");
        await AssertMovedAsync("/feed/atom/", "/ar/feed.atom");

        // A draft's old addresses give nothing away: "/" sends the reader to a language as for any unknown id, the permalink is a 404.
        Assert.Equal(HttpStatusCode.Found, (await site.Http.GetAsync($"/?p={wpId + 13}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync($"/draft-{u}/")).StatusCode);
    }

    /// <param name="deleted">The item's release was deleted since it was imported.</param>
    private async Task<(Release Release, Bayan.Categories.Category Category, int ItemId, int CategoryId)> K2Async(bool deleted = false)
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var release = await site.Seed.ReleaseAsync(office, category: category);
        var itemId = Random.Shared.Next(100_000, 100_000_000);
        var categoryId = Random.Shared.Next(100_000, 100_000_000);
        await site.Seed.WithDbAsync(async db =>
        {
            var ledger = new ImportLedger(db, TimeProvider.System, "k2", $"http://joomla-{u}.example.org");
            await ledger.LoadAsync(default);
            await ledger.RememberAsync(ImportKinds.Post, $"{itemId}", $"{(deleted ? int.MaxValue - itemId : release.Id)}", "ar", $"index.php?option=com_k2&view=item&id={itemId}:opening", null, default);
            await ledger.RememberAsync(ImportKinds.Category, $"{categoryId}", $"{category.Id}", "ar", $"index.php?option=com_k2&view=itemlist&task=category&id={categoryId}:news", null, default);
            // A category imported as an office (--offices-from-categories): its id is the next one.
            await ledger.RememberAsync("office", $"{categoryId + 1}", $"{office.Id}", "ar", $"index.php?option=com_k2&view=itemlist&task=category&id={categoryId + 1}:press", null, default);
        });
        return (release, category, itemId, categoryId);
    }

    [Fact]
    public async Task Joomla_K2_addresses_lead_to_the_imported_pages_with_301_in_the_language_of_their_prefix()
    {
        var (release, category, item, categoryId) = await K2Async();
        var arabic = await ReleaseUrlAsync(release.Id, "ar");
        var english = await ReleaseUrlAsync(release.Id, "en");

        await AssertMovedAsync($"/index.php?option=com_k2&view=item&id={item}:opening", arabic);
        await AssertMovedAsync($"/?option=com_k2&view=item&id={item}", arabic);
        await AssertMovedAsync($"/component/k2/item/{item}-opening", arabic);
        await AssertMovedAsync($"/news/press-releases/item/{item}-opening", arabic);
        await AssertMovedAsync($"/news/item/{item}-opening.html", arabic);
        // A multilingual Joomla's prefix: its language's version when there is one.
        await AssertMovedAsync($"/en/news/item/{item}-opening", english);
        await AssertMovedAsync($"/en/component/k2/item/{item}-opening", english);
        await AssertMovedAsync($"/ar/component/k2/item/{item}-opening", arabic);
        await AssertMovedAsync($"/index.php?option=com_k2&view=item&id={item}:opening&lang=en", english);

        var categoryAr = SiteUrls.Category("ar", category.Names.Single(n => n.Language == "ar").Slug);
        var categoryEn = SiteUrls.Category("en", category.Names.Single(n => n.Language == "en").Slug);
        await AssertMovedAsync($"/component/k2/itemlist/category/{categoryId}-news", categoryAr);
        await AssertMovedAsync($"/en/component/k2/itemlist/category/{categoryId}-news", categoryEn);
        await AssertMovedAsync($"/index.php?option=com_k2&view=itemlist&task=category&id={categoryId}:news", categoryAr);
        var office = await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).Select(r => r.Office.Code).SingleAsync());
        await AssertMovedAsync($"/component/k2/itemlist/category/{categoryId + 1}-press", SiteUrls.Office("ar", office));
        await AssertMovedAsync($"/en/component/k2/itemlist/category/{categoryId + 1}-press", SiteUrls.Office("en", office));
    }

    [Fact]
    public async Task A_deleted_item_and_one_an_administrator_marks_gone_answer_410_with_a_localized_page()
    {
        var (_, _, item, _) = await K2Async(deleted: true);

        foreach (var (old, language, message) in new[]
        {
            ($"/ar/component/k2/item/{item}-opening", "ar", "ما كان في هذا العنوان أُزيل نهائيًا."),
            ($"/en/news/item/{item}-opening", "en", "What was at this address has been removed for good."),
            ($"/index.php?option=com_k2&view=item&id={item}:opening", "ar", "ما كان في هذا العنوان أُزيل نهائيًا."),
        })
        {
            var (response, page) = await site.Http.GetPageAsync(old);
            Assert.True(response.StatusCode == HttpStatusCode.Gone, $"{old} answered {(int)response.StatusCode}.");
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Contains(message, page.Body!.TextContent);
            Assert.DoesNotContain("Exception", page.Body.TextContent);
        }

        // Imported WordPress items: the administrator says one is gone, another is no redirect at all.
        await ImportWordPressAsync();
        var post = await ItemAsync("wordpress", ImportKinds.Post, $"{wpId + 10}");
        var page2 = await ItemAsync("wordpress", ImportKinds.Page, $"{wpId + 12}");
        await site.InScopeAsync(async services =>
        {
            var manage = services.GetRequiredService<Bayan.Redirects.ManageRedirects>();
            Assert.IsType<Bayan.Operations.Outcome.Done>(await manage.SetImportedAsync(Bayan.Accounts.Actor.System("tests"), post.Id, Bayan.Redirects.ImportedRedirect.Gone, default));
            Assert.IsType<Bayan.Operations.Outcome.Done>(await manage.SetImportedAsync(Bayan.Accounts.Actor.System("tests"), page2.Id, Bayan.Redirects.ImportedRedirect.Removed, default));
            return true;
        });
        var (gone, goneDocument) = await site.Http.GetPageAsync($"/2023/11/04/{ArabicSlug}-{u}/");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("ما كان في هذا العنوان أُزيل نهائيًا.", goneDocument.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Gone, (await site.Http.GetAsync($"/?p={wpId + 10}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync($"/about-{u}/")).StatusCode);
    }

    [Fact]
    public async Task Ordinary_pages_real_404s_and_the_language_redirect_are_unaffected()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var url = await ReleaseUrlAsync(release.Id, "en");
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(url)).StatusCode);
        var again = await site.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("hit", again.Headers.GetValues("X-Cache").Single());

        foreach (var missing in new[] { $"/nothing-{u}/", $"/2023/11/04/nothing-{u}/", $"/en/nothing-{u}/", $"/component/k2/item/1{wpId}-x", $"/en/{office.Code}/99999999/x" })
        {
            var (response, page) = await site.Http.GetPageAsync(missing);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{missing} answered {(int)response.StatusCode}.");
            Assert.NotNull(page.QuerySelector("h1"));
        }
        // "/" still sends readers to their language, with or without a query of its own or an unknown old id.
        foreach (var root in new[] { "/", "/?utm_source=x", $"/?p=1{wpId}" })
            Assert.Equal(HttpStatusCode.Found, (await site.Http.GetAsync(root)).StatusCode);
    }
}
