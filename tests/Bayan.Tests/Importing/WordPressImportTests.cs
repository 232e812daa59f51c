using System.CommandLine;
using System.Net;
using Bayan.Comments;
using Bayan.Importing;
using Bayan.Importing.WordPress;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Importing;

[Trait(Suite.Category, Suite.Database)]
public sealed class WordPressImportTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<ImportReport> ImportAsync(
        string xml, string office, string? uploads = null, bool dryRun = false, NumberChoice numbers = NumberChoice.Assign,
        IProgress<(string, int, int)>? progress = null, CancellationToken ct = default, bool users = false, OfficeMap? map = null)
    {
        using var scope = site.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportWordPress>();
        return await import.RunAsync(() => Wxr.Stream(xml),
            new WordPressImportOptions(office, map, UploadsDirectory: uploads, DryRun: dryRun, Numbers: numbers, Users: users),
            progress ?? new Progress<(string, int, int)>(), ct);
    }

    private Task<List<Release>> ReleasesOfAsync(string office) => site.Seed.WithDbAsync(db =>
        db.Releases.AsNoTracking().Include(r => r.Versions).Include(r => r.Categories).Include(r => r.Tags)
            .Where(r => r.Office.Code == office).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Posts_become_releases_readers_find_in_arabic_and_english_with_their_status_comments_and_media()
    {
        var office = await site.Seed.OfficeAsync();
        var report = await ImportAsync(WordPressFixture.Xml(WordPressFixture.Site()), office.Code, WordPressFixture.Uploads());

        Assert.Null(report.Error);
        var releases = await ReleasesOfAsync(office.Code);
        // The Arabic post and its English translation are one release; the trash is not imported.
        Assert.Equal(7, releases.Count);
        var centre = releases.Single(r => r.Versions.Any(v => v.Title == WordPressFixture.ArabicTitle));
        Assert.Equal(["ar", "en"], centre.Versions.Select(v => v.Language).Order());
        Assert.Equal("ar", centre.OriginalLanguage);
        Assert.Equal(ReleaseStatus.Published, centre.Status);
        Assert.Equal(new DateTime(2023, 11, 4, 7, 0, 0), centre.PublishAt);
        Assert.Equal("افتتاح-مركز", centre.Versions.Single(v => v.Language == "ar").Slug);
        Assert.Equal("مركز جديد يخدم الحي", centre.Versions.Single(v => v.Language == "ar").Summary);
        Assert.NotNull(centre.FeaturedImage);
        Assert.Equal(["صحة"], await site.Seed.WithDbAsync(db => db.CategoryNames.Where(n => n.CategoryId == centre.Categories.Single().Id).Select(n => n.Slug).ToListAsync()));

        // Numbers in the office's pattern, in the order of the original dates: the October post first.
        var lone = releases.Single(r => r.Versions.Any(v => v.Title == WordPressFixture.LoneEnglishTitle));
        Assert.Equal("en", lone.OriginalLanguage);
        Assert.Equal(1, lone.Sequence);
        Assert.Equal(2, centre.Sequence);
        Assert.Equal(ReleaseStatus.Draft, StatusOf("مسودة لم تنشر"));
        Assert.Equal(ReleaseStatus.InReview, StatusOf("بانتظار المراجعة"));
        Assert.Equal(ReleaseStatus.Scheduled, StatusOf("خبر مجدول"));
        Assert.Equal(new DateTime(2031, 1, 1, 6, 0, 0), releases.Single(r => r.Versions[0].Title == "خبر مجدول").PublishAt);
        Assert.Equal(ReleaseStatus.Draft, StatusOf("خبر خاص"));
        Assert.Equal(ReleaseStatus.Draft, StatusOf("خبر محمي"));
        ReleaseStatus StatusOf(string title) => releases.Single(r => r.Versions.Any(v => v.Title == title)).Status;

        var (response, arabic) = await site.Http.GetPageAsync($"/ar/{office.Code}/{centre.Id}/");
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
            (response, arabic) = await site.Http.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WordPressFixture.ArabicTitle, arabic.QuerySelector("h1")!.TextContent);
        Assert.Equal("واجهة المركز من الشارع الرئيسي", arabic.QuerySelector(".release .body figure figcaption")!.TextContent.Trim());
        Assert.Contains("<strong>مركز صحي</strong>", arabic.QuerySelector(".release .body")!.InnerHtml);
        Assert.Contains("[gallery ids=\"30\"]", arabic.QuerySelector(".release .body")!.TextContent);
        // The image in the text is the imported copy, with its alternative text.
        var image = arabic.QuerySelector(".release .body figure img")!;
        Assert.StartsWith("/media/", image.GetAttribute("src"));
        Assert.Equal("واجهة المركز الصحي", image.GetAttribute("alt"));
        var comments = arabic.QuerySelectorAll(".comments .comment").Select(c => c.TextContent).ToList();
        Assert.Contains(comments, c => c.Contains("شكرا للوزارة"));
        Assert.Contains(comments, c => c.Contains("رد على التعليق الأول"));
        Assert.Contains(comments, c => c.Contains("A reply to the reply"));
        Assert.DoesNotContain(comments, c => c.Contains("Waiting for moderation") || c.Contains("Buy now") || c.Contains("Removed"));

        var (englishResponse, english) = await site.Http.GetPageAsync($"/en/{office.Code}/{centre.Id}/health-centre-opens");
        Assert.Equal(HttpStatusCode.OK, englishResponse.StatusCode);
        Assert.Contains(WordPressFixture.EnglishTitle, english.QuerySelector("h1")!.TextContent);
        Assert.Contains("It serves the whole district.", english.QuerySelector(".release .body")!.TextContent);

        // Nothing that was not public on WordPress is public here.
        var (_, listing) = await site.Http.GetPageAsync($"/ar/{office.Code}/");
        foreach (var hidden in new[] { "مسودة لم تنشر", "بانتظار المراجعة", "خبر مجدول", "خبر خاص", "خبر محمي", "خبر محذوف" })
            Assert.DoesNotContain(hidden, listing.Body!.TextContent);
        Assert.Contains(WordPressFixture.ArabicTitle, listing.Body!.TextContent);

        var (pageResponse, page) = await site.Http.GetPageAsync("/ar/pages/about");
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("نحن مكتب الإعلام.", page.Body!.TextContent);

        var arabicVersion = centre.Versions.Single(v => v.Language == "ar").Id;
        var comment = await site.Seed.WithDbAsync(db => db.Comments.Where(c => c.ReleaseVersionId == arabicVersion && c.Text.StartsWith("Waiting")).SingleAsync());
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Equal(new DateTime(2023, 11, 5, 6, 0, 0), comment.CreatedAt);

        Assert.Equal(["2023/10/report.pdf"], report.MissingFiles.Select(f => f.Path));
        Assert.Equal(["gallery"], report.Shortcodes.Keys);
        Assert.Equal(["15", "16"], report.NotPublic.Select(n => n.SourceId).Order());
        Assert.Contains(report.Skipped, n => n is { Kind: "post", SourceId: "17" } && n.Reason.Key == "import_skipped_trash");
        Assert.Contains(report.Skipped, n => n is { Kind: "comment", SourceId: "102" } && n.Reason.Key == "import_comment_spam");
        Assert.Contains(report.Skipped, n => n is { Kind: "comment", SourceId: "103" } && n.Reason.Key == "import_comment_trash");
        Assert.Contains(report.Skipped, n => n is { Kind: "page", SourceId: "21" });
        Assert.Equal(5, report.Of(ImportKinds.Comment).Imported);
    }

    [Fact]
    public async Task A_second_run_creates_nothing_twice_and_updates_what_changed()
    {
        var office = await site.Seed.OfficeAsync();
        var old = WordPressFixture.Site();
        var uploads = WordPressFixture.Uploads();
        await ImportAsync(WordPressFixture.Xml(old), office.Code, uploads);
        var before = await CountsAsync(office.Code);

        var again = await ImportAsync(WordPressFixture.Xml(old), office.Code, uploads);

        Assert.Equal(before, await CountsAsync(office.Code));
        Assert.Equal(0, again.Of(ImportKinds.Post).Imported);
        Assert.Equal(8, again.Of(ImportKinds.Post).Unchanged);
        Assert.Equal(0, again.Of(ImportKinds.Comment).Imported);
        Assert.Equal(0, again.Of(ImportKinds.Attachment).Imported);

        var changed = await ImportAsync(WordPressFixture.Xml(old, loneTitle: "Ministry publishes its annual report (corrected)"), office.Code, uploads);

        Assert.Equal(1, changed.Of(ImportKinds.Post).Updated);
        Assert.Equal(before, await CountsAsync(office.Code));
        var lone = (await ReleasesOfAsync(office.Code)).Single(r => r.OriginalLanguage == "en");
        var (_, page) = await site.Http.GetPageAsync($"/en/{office.Code}/{lone.Id}/annual-report");
        Assert.Contains("(corrected)", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_second_run_follows_comments_whose_approval_changed_on_wordpress()
    {
        var office = await site.Seed.OfficeAsync();
        var old = WordPressFixture.Site();
        await ImportAsync(WordPressFixture.Xml(old), office.Code);
        // Since the first run, WordPress approved the comment that waited (101) and marked an approved one (107) as spam.
        var xml = WordPressFixture.Xml(old);
        xml = Approval(Approval(xml, 101, "0", "1"), 107, "1", "spam");

        var again = await ImportAsync(xml, office.Code);

        Assert.Equal(2, again.Of(ImportKinds.Comment).Updated);
        var centre = (await ReleasesOfAsync(office.Code)).Single(r => r.Versions.Any(v => v.Title == WordPressFixture.ArabicTitle));
        var (response, arabic) = await site.Http.GetPageAsync($"/ar/{office.Code}/{centre.Id}/");
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
            (_, arabic) = await site.Http.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains(arabic.QuerySelectorAll(".comments .comment"), c => c.TextContent.Contains("Waiting for moderation"));
        var (_, english) = await site.Http.GetPageAsync($"/en/{office.Code}/{centre.Id}/health-centre-opens");
        Assert.DoesNotContain(english.QuerySelectorAll(".comments .comment"), c => c.TextContent.Contains("Good news"));

        // A third run finds nothing more to change.
        var third = await ImportAsync(xml, office.Code);
        Assert.Equal(0, third.Of(ImportKinds.Comment).Updated);
    }

    /// <summary>The export with one comment's approval changed.</summary>
    private static string Approval(string xml, int comment, string from, string to)
    {
        var at = xml.IndexOf($"<wp:comment_id>{comment}</wp:comment_id>", StringComparison.Ordinal);
        var approved = xml.IndexOf($"<wp:comment_approved><![CDATA[{from}]]>", at, StringComparison.Ordinal);
        return xml[..approved] + $"<wp:comment_approved><![CDATA[{to}]]>" + xml[(approved + $"<wp:comment_approved><![CDATA[{from}]]>".Length)..];
    }

    [Fact]
    public async Task An_import_stopped_midway_leaves_nothing_half_made_public_and_the_next_run_completes_it()
    {
        var office = await site.Seed.OfficeAsync();
        var old = WordPressFixture.Site();
        using var stop = new CancellationTokenSource();
        var progress = new StopAt("Publishing", stop);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportAsync(WordPressFixture.Xml(old), office.Code, progress: progress, ct: stop.Token));

        var stopped = await ReleasesOfAsync(office.Code);
        Assert.NotEmpty(stopped);
        Assert.DoesNotContain(stopped, r => r.Status == ReleaseStatus.Published);

        var report = await ImportAsync(WordPressFixture.Xml(old), office.Code);

        var releases = await ReleasesOfAsync(office.Code);
        Assert.Equal(stopped.Select(r => r.Id), releases.Select(r => r.Id));
        Assert.Equal(2, releases.Count(r => r.Status == ReleaseStatus.Published));
        Assert.Equal(0, report.Of(ImportKinds.Post).Imported);
    }

    [Fact]
    public async Task A_dry_run_reports_what_an_import_would_do_and_writes_nothing()
    {
        var office = await site.Seed.OfficeAsync();
        var auditBefore = await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync());

        var report = await ImportAsync(WordPressFixture.Xml(WordPressFixture.Site()), office.Code, WordPressFixture.Uploads(), dryRun: true);

        Assert.Empty(await ReleasesOfAsync(office.Code));
        Assert.Equal(auditBefore, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(8, report.Of(ImportKinds.Post).Imported);
        Assert.Equal(1, report.Of(ImportKinds.Page).Imported);
        Assert.Equal(1, report.Of(ImportKinds.Attachment).Imported);
        Assert.Equal(["2023/10/report.pdf"], report.MissingFiles.Select(f => f.Path));
        Assert.Contains(report.Describe("en"), line => line.StartsWith("Dry run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_command_line_imports_with_a_report_and_a_broken_file_stops_it_with_the_line_before_anything_is_written()
    {
        var office = await site.Seed.OfficeAsync();
        var folder = Path.Combine(site.DataFolder, "wxr");
        Directory.CreateDirectory(folder);
        var xml = WordPressFixture.Xml(WordPressFixture.Site(), version: "1.1");
        var broken = Path.Combine(folder, "broken.xml");
        var cut = xml[..xml.IndexOf("<wp:post_id>18", StringComparison.Ordinal)];
        await File.WriteAllTextAsync(broken, cut);

        var (exit, _, error) = await RunAsync("import", "wordpress", broken, "--office", office.Code);

        Assert.Equal(1, exit);
        Assert.Contains($"line {cut.Count(c => c == '\n') + 1}", error);
        Assert.Contains("nothing was imported", error);
        Assert.Empty(await ReleasesOfAsync(office.Code));

        var whole = Path.Combine(folder, "whole.xml");
        await File.WriteAllTextAsync(whole, xml);
        var (ok, output, okError) = await RunAsync("import", "wordpress", whole, "--office", office.Code, "--language", "ar", "--numbers", "none");

        Assert.Equal(0, ok);
        Assert.Equal("", okError);
        Assert.Contains("Posts: 8 imported, 0 updated, 0 unchanged, 1 skipped", output);
        Assert.Contains("[gallery]: 10", output);
        var releases = await ReleasesOfAsync(office.Code);
        Assert.All(releases, r => Assert.Null(r.ReferenceNumber));
        // --language ar: every post is Arabic, so the English post is a release of its own, not a translation.
        Assert.Equal(8, releases.Count);
        Assert.All(releases, r => Assert.Equal("ar", r.OriginalLanguage));
    }

    [Fact]
    public async Task An_unknown_office_or_a_file_that_is_not_wxr_changes_nothing()
    {
        var office = await site.Seed.OfficeAsync();

        var unknown = await ImportAsync(WordPressFixture.Xml(WordPressFixture.Site()), "no-such-office");
        var notWxr = await ImportAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title><item><title>x</title></item></channel></rss>", office.Code);

        Assert.Equal("import_office_unknown", unknown.Error!.Key);
        Assert.Equal("import_wxr_not_wxr", notWxr.Error!.Key);
        Assert.Empty(await ReleasesOfAsync(office.Code));
    }

    [Fact]
    public async Task An_office_map_sends_posts_by_category_or_author_and_numbers_can_be_kept()
    {
        var office = await site.Seed.OfficeAsync();
        var news = await site.Seed.OfficeAsync();
        var johns = await site.Seed.OfficeAsync();
        var (map, problem) = OfficeMap.Parse($"# offices by category, then author\ncategory:news={news.Code}\n\nauthor:john={johns.Code}\n");
        Assert.Null(problem);

        var report = await ImportAsync(WordPressFixture.Xml(WordPressFixture.Site()), office.Code, map: map, numbers: NumberChoice.Keep);

        Assert.Null(report.Error);
        // The annual report is filed under news and written by john: its category decides.
        var lone = Assert.Single(await ReleasesOfAsync(news.Code));
        Assert.Equal(WordPressFixture.LoneEnglishTitle, lone.Versions.Single().Title);
        Assert.Equal("AR-2023-77", lone.ReferenceNumber);
        // John's English post is a translation: it follows its Arabic original into the default office.
        Assert.Empty(await ReleasesOfAsync(johns.Code));
        var centre = (await ReleasesOfAsync(office.Code)).Single(r => r.Status == ReleaseStatus.Published);
        Assert.Null(centre.ReferenceNumber);
    }

    [Theory]
    [InlineData("category:news")]
    [InlineData("office=news")]
    [InlineData("editor:amina=news")]
    public void A_line_of_an_office_map_that_is_no_rule_is_named(string line)
    {
        var (map, problem) = OfficeMap.Parse($"category:a=b\n{line}\n");

        Assert.Null(map);
        Assert.Equal(("import_office_map_line", 2), (problem!.Key, (int)problem.Args[0]));
    }

    [Fact]
    public async Task With_users_authors_become_accounts_without_roles_once()
    {
        var office = await site.Seed.OfficeAsync();
        var old = WordPressFixture.Site();
        var xml = WordPressFixture.Xml(old).Replace("amina@example.org", $"amina-{Guid.NewGuid():N}@example.org").Replace("john@example.org", $"john-{Guid.NewGuid():N}@example.org");

        var first = await ImportAsync(xml, office.Code, users: true);
        var second = await ImportAsync(xml, office.Code, users: true);

        Assert.Equal(2, first.Of(ImportKinds.User).Imported);
        Assert.Equal(2, second.Of(ImportKinds.User).Unchanged);
        var amina = await site.Seed.WithDbAsync(db => db.Users.Include(u => u.Offices).SingleAsync(u => u.DisplayName == "أمينة الكاتبة" && u.Email!.StartsWith("amina-")));
        Assert.False(amina.IsAdministrator);
        Assert.Empty(amina.Offices);
        Assert.Null(amina.PasswordHash);
        // Authors are the bylines of their revisions.
        var revisionAuthors = await site.Seed.WithDbAsync(db => db.Revisions.Where(r => r.Title == WordPressFixture.EnglishTitle).Select(r => r.Author).ToListAsync());
        Assert.Contains("John Writer", revisionAuthors);
    }

    private Task<(int Releases, int Versions, int Comments, int Media, int Categories, int Pages)> CountsAsync(string office) => site.Seed.WithDbAsync(async db => (
        await db.Releases.CountAsync(r => r.Office.Code == office),
        await db.ReleaseVersions.CountAsync(v => v.Release.Office.Code == office),
        await db.Comments.CountAsync(),
        await db.Media.CountAsync(),
        await db.Categories.CountAsync(),
        await db.Pages.CountAsync()));

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await BayanCommandLine.RunAsync([.. args, .. site.CommandLineSwitches(), "--Logging:LogLevel:Default", "Warning"],
            new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Stops the import (as Ctrl-C would) when it reaches a step.</summary>
    private sealed class StopAt(string step, CancellationTokenSource stop) : IProgress<(string, int, int)>
    {
        public void Report((string, int, int) value)
        {
            if (value.Item1 == step)
                stop.Cancel();
        }
    }
}
