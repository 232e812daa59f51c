using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Bayan.Comments;
using Bayan.Importing;
using Bayan.Importing.K2;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace Bayan.Tests.Importing;

/// <summary>
/// The K2 importer against a real MariaDB server: each test fills a database of its own with a Joomla 3 + K2
/// site (<see cref="K2Fixture"/>) and imports it into an office of its own, then looks at what readers and
/// editors see.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class K2ImportTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<ImportReport> ImportAsync(
        string connectionString, string office, string? images = null, bool dryRun = false, NumberChoice numbers = NumberChoice.Assign,
        IReadOnlyList<int>? offices = null, IProgress<(string, int, int)>? progress = null, CancellationToken ct = default,
        string prefix = K2Database.Prefix)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportK2>().RunAsync(
            new K2ImportOptions(connectionString, prefix, office, offices, images, numbers, dryRun),
            progress ?? new Progress<(string, int, int)>(), ct);
    }

    private static async Task<(K2Database Database, string Tag)> SourceAsync()
    {
        var database = await K2Database.CreateAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await K2Fixture.FillAsync(database, tag);
        return (database, tag);
    }

    private Task<List<Release>> ReleasesOfAsync(string office) => site.Seed.WithDbAsync(db =>
        db.Releases.AsNoTracking().Include(r => r.Versions).Include(r => r.Categories).ThenInclude(c => c.Names).Include(r => r.Tags).ThenInclude(t => t.Names)
            .Where(r => r.Office.Code == office).OrderBy(r => r.Id).ToListAsync());

    private static Release Titled(IEnumerable<Release> releases, string title) => releases.Single(r => r.Versions.Any(v => v.Title == title));

    [Fact]
    public async Task Items_become_releases_readers_see_with_number_image_caption_and_comments_and_nothing_unpublished_leaks()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, tag) = await SourceAsync();
        await using var _ = source;

        var report = await ImportAsync(source.ConnectionString, office.Code, K2Fixture.Images());

        Assert.Null(report.Error);
        var releases = await ReleasesOfAsync(office.Code);
        // Trashed (13) and French (18, not a site language) items are not imported.
        Assert.Equal(7, releases.Count);
        var centre = Titled(releases, K2Fixture.ArabicTitle);
        Assert.Equal("ar", centre.OriginalLanguage);
        Assert.Equal(ReleaseStatus.Published, centre.Status);
        Assert.Equal(new DateTime(2023, 11, 4, 7, 0, 0), centre.PublishAt);
        Assert.Equal("health-centre-opens", centre.Versions.Single().Slug);
        Assert.Equal("مركز جديد يخدم الحي", centre.Versions.Single().Summary);
        Assert.Contains("\"featured\":true", centre.Metadata);
        Assert.Contains("\"Source\":\"وكالة الأنباء\"", centre.Metadata);
        Assert.Equal([$"health-{tag}"], centre.Categories.SelectMany(c => c.Names).Select(n => n.Slug));
        Assert.Equal(["عيادات"], centre.Tags.SelectMany(t => t.Names).Select(n => n.Name).Distinct());
        var health = centre.Categories.Single();
        var news = await site.Seed.WithDbAsync(db => db.CategoryNames.Where(n => n.CategoryId == health.ParentId).Select(n => n.Slug).SingleAsync());
        Assert.Equal($"news-{tag}", news);

        // Numbers follow the original dates: the English report of October first, the December item last.
        var english = Titled(releases, K2Fixture.EnglishTitle);
        Assert.Equal("en", english.OriginalLanguage);
        Assert.Equal((1, 2, 3), (english.Sequence, centre.Sequence, Titled(releases, K2Fixture.NorthTitle).Sequence));
        // "*" with Arabic text is Arabic; the byline is the item's "created by" alias, else the Joomla user's name.
        Assert.Equal("ar", Titled(releases, K2Fixture.NorthTitle).OriginalLanguage);
        var authors = await site.Seed.WithDbAsync(db => db.Revisions.Where(r => r.Title == K2Fixture.EnglishTitle || r.Title == K2Fixture.NorthTitle)
            .Select(r => r.Author).ToListAsync());
        Assert.Contains("John Writer", authors);
        Assert.Contains("مراسل الشمال", authors);

        Assert.Equal(ReleaseStatus.Draft, Titled(releases, "مسودة لم تنشر").Status);
        Assert.Equal(ReleaseStatus.Draft, Titled(releases, "خبر منتهي").Status);
        Assert.Equal(ReleaseStatus.Draft, Titled(releases, "خبر للأعضاء").Status);
        Assert.Equal(ReleaseStatus.Scheduled, Titled(releases, "خبر مجدول").Status);
        Assert.Equal(new DateTime(2031, 1, 1, 6, 0, 0), Titled(releases, "خبر مجدول").PublishAt);

        var (response, page) = await site.Http.GetPageAsync($"/ar/{office.Code}/{centre.Id}/");
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
            (response, page) = await site.Http.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(K2Fixture.ArabicTitle, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(centre.ReferenceNumber!, page.QuerySelector(".release .meta")!.TextContent);
        Assert.StartsWith("/media/", page.QuerySelector(".release img.featured")!.GetAttribute("src"));
        Assert.Equal($"{K2Fixture.Caption} ({K2Fixture.Credits})", page.QuerySelector(".release .body figure figcaption")!.TextContent.Trim());
        Assert.Contains("<strong>مركز صحي</strong>", page.QuerySelector(".release .body")!.InnerHtml);
        Assert.Contains("يخدم المركز سكان الحي الشمالي كله.", page.QuerySelector(".release .body")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".release .attachments li"));
        var comments = page.QuerySelectorAll(".comments .comment").Select(c => c.TextContent).ToList();
        Assert.Contains(comments, c => c.Contains("شكرا للوزارة"));
        Assert.DoesNotContain(comments, c => c.Contains("Waiting for moderation"));
        var pending = await site.Seed.WithDbAsync(db => db.Comments.SingleAsync(c => c.ReleaseVersionId == centre.Versions[0].Id && c.Text == "Waiting for moderation"));
        Assert.Equal(CommentStatus.Pending, pending.Status);
        Assert.Equal(new DateTime(2023, 11, 5, 6, 0, 0), pending.CreatedAt);

        var (_, listing) = await site.Http.GetPageAsync($"/ar/{office.Code}/");
        Assert.Contains(K2Fixture.ArabicTitle, listing.Body!.TextContent);
        foreach (var hidden in new[] { "مسودة لم تنشر", "خبر محذوف", "خبر منتهي", "خبر مجدول", "خبر للأعضاء" })
            Assert.DoesNotContain(hidden, listing.Body!.TextContent);
        var (draftResponse, _) = await site.Http.GetPageAsync($"/ar/{office.Code}/{Titled(releases, "مسودة لم تنشر").Id}/");
        Assert.Equal(HttpStatusCode.NotFound, draftResponse.StatusCode);

        Assert.Equal(["12", "14", "16"], report.NotPublic.Select(n => n.SourceId).Order());
        Assert.Equal(["import_k2_unpublished", "import_k2_expired", "import_k2_access"], report.NotPublic.OrderBy(n => n.SourceId).Select(n => n.Reason.Key));
        Assert.Contains(report.Skipped, n => n is { Kind: "post", SourceId: "13" } && n.Reason.Key == "import_skipped_trash");
        Assert.Contains(report.Skipped, n => n is { Kind: "post", SourceId: "18" } && n.Reason.Key == "import_language_not_on_site");
        Assert.Equal([("201", "attachments/missing.pdf")], report.MissingFiles);
        Assert.Equal(["10"], report.Shortcodes["loadposition"]);
        Assert.Equal(3, report.Of(ImportKinds.Comment).Imported);

        // Every item remembers its classic address, for the redirects.
        var remembered = await site.Seed.WithDbAsync(db => db.ImportedItems.SingleAsync(i => i.Source == "k2" && i.Kind == "post" && i.SourceId == "10"
            && i.SourceSite.EndsWith($"/{source.Name}/{K2Database.Prefix}")));
        Assert.Equal(centre.Id.ToString(), remembered.TargetId);
        Assert.Equal("index.php?option=com_k2&view=item&id=10:health-centre-opens", remembered.OldUrl);
    }

    [Fact]
    public async Task Categories_named_become_offices_with_the_items_and_categories_under_them()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, tag) = await SourceAsync();
        await using var _ = source;

        var report = await ImportAsync(source.ConnectionString, office.Code, offices: [4], numbers: NumberChoice.Keep);

        Assert.Null(report.Error);
        Assert.Equal(1, report.Of(K2Run.OfficeKind).Imported);
        var north = Assert.Single(await ReleasesOfAsync($"north-{tag}"));
        Assert.Equal(K2Fixture.NorthTitle, north.Versions.Single().Title);
        Assert.Equal([$"clinics-{tag}"], north.Categories.SelectMany(c => c.Names).Select(n => n.Slug));
        var name = await site.Seed.WithDbAsync(db => db.Offices.Where(o => o.Code == $"north-{tag}").SelectMany(o => o.Names).SingleAsync());
        Assert.Equal(("ar", "المكتب الشمالي"), (name.Language, name.Name));
        // --numbers keep: the extra field reference_number; an item without one has no number.
        var releases = await ReleasesOfAsync(office.Code);
        Assert.Equal("AR-2023-77", Titled(releases, K2Fixture.ArabicTitle).ReferenceNumber);
        Assert.Null(north.ReferenceNumber);
        var (response, _) = await site.Http.GetPageAsync($"/ar/north-{tag}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_second_run_creates_nothing_twice_and_updates_a_changed_item()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, _) = await SourceAsync();
        await using var __ = source;
        var images = K2Fixture.Images();
        await ImportAsync(source.ConnectionString, office.Code, images);
        var before = await CountsAsync(office.Code);

        var again = await ImportAsync(source.ConnectionString, office.Code, images);

        Assert.Equal(before, await CountsAsync(office.Code));
        Assert.Equal((0, 0, 7), (again.Of(ImportKinds.Post).Imported, again.Of(ImportKinds.Post).Updated, again.Of(ImportKinds.Post).Unchanged));
        Assert.Equal(0, again.Of(ImportKinds.Comment).Imported);
        Assert.Equal(0, again.Of(ImportKinds.Attachment).Imported);
        Assert.Equal(0, again.Of(ImportKinds.Category).Imported);

        await source.ExecuteAsync($"UPDATE {K2Database.Prefix}k2_items SET title = @title WHERE id = 11", ("@title", "Ministry publishes its annual report (corrected)"));
        var changed = await ImportAsync(source.ConnectionString, office.Code, images);

        Assert.Equal(1, changed.Of(ImportKinds.Post).Updated);
        Assert.Equal(before, await CountsAsync(office.Code));
        var english = (await ReleasesOfAsync(office.Code)).Single(r => r.OriginalLanguage == "en");
        var (_, page) = await site.Http.GetPageAsync($"/en/{office.Code}/{english.Id}/annual-report");
        Assert.Contains("(corrected)", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_import_stopped_midway_leaves_nothing_public_and_the_next_run_completes_it()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, _) = await SourceAsync();
        await using var _ = source;
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportAsync(source.ConnectionString, office.Code, progress: new StopAt("Publishing", stop), ct: stop.Token));

        var stopped = await ReleasesOfAsync(office.Code);
        Assert.NotEmpty(stopped);
        Assert.DoesNotContain(stopped, r => r.Status == ReleaseStatus.Published);

        var report = await ImportAsync(source.ConnectionString, office.Code);

        var releases = await ReleasesOfAsync(office.Code);
        Assert.Equal(stopped.Select(r => r.Id), releases.Select(r => r.Id));
        Assert.Equal(3, releases.Count(r => r.Status == ReleaseStatus.Published));
        Assert.Equal(0, report.Of(ImportKinds.Post).Imported);
    }

    [Fact]
    public async Task A_dry_run_reports_what_an_import_would_do_and_writes_nothing()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, _) = await SourceAsync();
        await using var _ = source;
        var auditBefore = await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync());
        var categoriesBefore = await site.Seed.WithDbAsync(db => db.Categories.CountAsync());

        var report = await ImportAsync(source.ConnectionString, office.Code, K2Fixture.Images(), dryRun: true, offices: [4]);

        Assert.Null(report.Error);
        Assert.Empty(await ReleasesOfAsync(office.Code));
        Assert.Equal(auditBefore, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(categoriesBefore, await site.Seed.WithDbAsync(db => db.Categories.CountAsync()));
        Assert.False(await site.Seed.WithDbAsync(db => db.ImportedItems.AnyAsync(i => i.SourceSite.Contains(source.Name))));
        Assert.Equal(7, report.Of(ImportKinds.Post).Imported);
        Assert.Equal(1, report.Of(K2Run.OfficeKind).Imported);
        Assert.Equal(4, report.Of(ImportKinds.Category).Imported);
        Assert.Equal(2, report.Of(ImportKinds.Attachment).Imported);
        Assert.Equal([("201", "attachments/missing.pdf")], report.MissingFiles);
        Assert.StartsWith("تجربة دون كتابة", report.Describe("ar").First());
    }

    [Fact]
    public async Task A_wrong_prefix_password_or_server_stops_with_one_message_before_anything_is_written()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, _) = await SourceAsync();
        await using var _ = source;
        var wrongPassword = new MySqlConnectionStringBuilder(source.ConnectionString) { Password = "not-the-password" }.ConnectionString;
        var unreachable = new MySqlConnectionStringBuilder(source.ConnectionString) { Server = "127.0.0.1", Port = (uint)FreePort() }.ConnectionString;

        var prefix = await ImportAsync(source.ConnectionString, office.Code, prefix: "wp_");
        var password = await ImportAsync(wrongPassword, office.Code);
        var server = await ImportAsync(unreachable, office.Code);
        var noDatabase = await ImportAsync(new MySqlConnectionStringBuilder(source.ConnectionString) { Database = source.Name + "_gone" }.ConnectionString, office.Code);

        Assert.Equal("import_k2_tables_missing", prefix.Error!.Key);
        Assert.Contains("wp_k2_items", prefix.Error.In("en"));
        Assert.Equal("import_k2_access_denied", password.Error!.Key);
        Assert.Equal("import_k2_unreachable", server.Error!.Key);
        Assert.Equal("import_k2_unknown_database", noDatabase.Error!.Key);
        Assert.Empty(await ReleasesOfAsync(office.Code));
        Assert.False(await site.Seed.WithDbAsync(db => db.ImportedItems.AnyAsync(i => i.SourceSite.Contains(source.Name))));

        var (exit, _, error) = await RunAsync("import", "k2", "--mysql", source.ConnectionString, "--prefix", "wp_", "--office", office.Code);

        Assert.Equal(1, exit);
        Assert.Equal($"bayan: {prefix.Error.In("en")}", error.Trim());
        Assert.Contains("nothing was imported", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_command_line_imports_with_a_progress_and_a_report()
    {
        var office = await site.Seed.OfficeAsync();
        var (source, _) = await SourceAsync();
        await using var _ = source;

        var (exit, output, error) = await RunAsync("import", "k2", "--mysql", source.ConnectionString, "--prefix", K2Database.Prefix,
            "--office", office.Code, "--images", K2Fixture.Images(), "--numbers", "none");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("Posts: 7 imported, 0 updated, 0 unchanged, 2 skipped", output);
        Assert.Contains("[loadposition]: 10", output);
        Assert.Contains("attachments/missing.pdf", output);
        Assert.All(await ReleasesOfAsync(office.Code), r => Assert.Null(r.ReferenceNumber));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private Task<(int Releases, int Versions, int Comments, int Media, int Categories)> CountsAsync(string office) => site.Seed.WithDbAsync(async db => (
        await db.Releases.CountAsync(r => r.Office.Code == office),
        await db.ReleaseVersions.CountAsync(v => v.Release.Office.Code == office),
        await db.Comments.CountAsync(),
        await db.Media.CountAsync(),
        await db.Categories.CountAsync()));

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
