using System.Net;
using Bayan.Backup;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Releases;
using Bayan.Tests.Media;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp.Formats.Png;

namespace Bayan.Tests.Backup;

/// <summary>`bayan backup` of a live site, `bayan restore` into an empty folder, and the restored site answers as the first did.</summary>
public sealed class BackupRoundTripTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task A_site_restored_into_an_empty_folder_serves_the_same_pages_comments_media_and_search()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var other = await site.Seed.ReleaseAsync(office, english: false);
        var admin = await site.Seed.UserAsync(administrator: true);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));
        var imageName = Seed.Unique("photo") + ".png";
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("/admin/media", imageName, TestImages.Plain(800, 400, new PngEncoder()))).StatusCode);
        var image = await site.Seed.WithDbAsync(db => db.Media.SingleAsync(m => m.FileName == imageName));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/admin/releases/{release.Id}", $"/admin/releases/{release.Id}?handler=Media",
            [new("featured", image.Id.ToString())])).StatusCode);
        var comment = Seed.Unique("Thanks from a reader");
        await site.Seed.WithDbAsync(async db =>
        {
            var english = await db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en");
            db.Comments.Add(new Comment { ReleaseVersionId = english.Id, Name = "Reader", Email = "reader@example.org", Text = comment, Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var englishPath = $"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}";
        Assert.Contains(comment, await site.Http.GetStringAsync(englishPath));

        var file = Backups.TempPath("site.tar.gz");
        var (exit, output, error) = await Backups.CliAsync(["backup", "--to", file, .. site.CommandLineSwitches()]);
        Assert.True(exit == 0, error);
        Assert.Contains("Backup written", output);
        var target = Backups.TempPath("restored");
        (exit, output, error) = await Backups.CliAsync("restore", file, "--data", target);
        Assert.True(exit == 0, error);
        Assert.Contains("the search index was rebuilt", output);

        await using var restored = await RestoredSite.StartAsync(target);
        string[] paths =
        [
            "/ar/", "/en/", $"/ar/{office.Code}/", englishPath,
            $"/ar/{office.Code}/{release.Id}/{release.Versions[0].Slug}", $"/ar/{office.Code}/{other.Id}/{other.Versions[0].Slug}",
        ];
        foreach (var path in paths)
            Assert.Equal(await MainAsync(site.Http, path), await MainAsync(restored.Http, path));
        var (_, page) = await restored.Http.GetPageAsync(englishPath);
        Assert.Contains(comment, page.QuerySelector("main")!.TextContent);
        var featured = page.QuerySelector("article.release img.featured")!.GetAttribute("src")!;
        Assert.Equal(await site.Http.GetByteArrayAsync(featured), await restored.Http.GetByteArrayAsync(featured));
        Assert.Equal(await site.Http.GetByteArrayAsync(image.Url), await restored.Http.GetByteArrayAsync(image.Url));
        var (_, found) = await restored.Http.GetPageAsync($"/en/search?q={Uri.EscapeDataString(release.Versions[1].Title.Split(' ')[1])}");
        Assert.Contains(release.Versions[1].Title, found.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_backup_taken_while_releases_are_saved_holds_exactly_what_its_manifest_counts()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office);
        using var stop = new CancellationTokenSource();
        var saved = 0;
        var nextSave = new TaskCompletionSource();
        var saving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await site.Seed.ReleaseAsync(office);
                Interlocked.Increment(ref saved);
                Interlocked.Exchange(ref nextSave, new TaskCompletionSource()).TrySetResult();
            }
        });
        await Volatile.Read(ref nextSave).Task;
        var before = await site.Seed.CountReleasesAsync();

        var file = Backups.TempPath("busy.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var outcome = await site.InScopeAsync(services => services.GetRequiredService<TakeBackup>().RunAsync(
            _ => Task.FromResult<Stream>(File.Create(file)), null, CancellationToken.None));
        var savedDuringBackup = Volatile.Read(ref saved);
        // Saves committed after the copy was taken (the second surely began after it), so the live site holds more than the backup.
        await Volatile.Read(ref nextSave).Task;
        await Volatile.Read(ref nextSave).Task;
        await stop.CancelAsync();
        await saving;

        Assert.IsType<Bayan.Operations.Outcome.Done>(outcome);
        var manifest = await Backups.ManifestAsync(file);
        Assert.InRange(manifest.Counts["releases"], before, await site.Seed.CountReleasesAsync() - 1);
        var target = Backups.TempPath("busy-restored");
        var (exit, _, error) = await Backups.CliAsync("restore", file, "--data", target);
        Assert.True(exit == 0, error);
        await using var restored = await RestoredSite.StartAsync(target);
        using var scope = restored.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        Assert.Equal(manifest.Counts["releases"], await db.Releases.CountAsync());
        Assert.Equal(manifest.Counts["versions"], await db.ReleaseVersions.CountAsync());
        Assert.Equal(manifest.Counts["revisions"], await db.Revisions.CountAsync());
        Assert.Equal(0, await db.Releases.CountAsync(r => !r.Versions.Any()));
        Assert.True(savedDuringBackup > 0);
    }

    [Fact]
    public async Task Backups_in_a_folder_keep_the_newest_and_touch_no_other_file()
    {
        var folder = Backups.TempPath("nightly");
        Directory.CreateDirectory(folder);
        var old = new[] { new DateTime(2024, 1, 1, 2, 0, 0), new DateTime(2024, 1, 2, 2, 0, 0), new DateTime(2024, 1, 3, 2, 0, 0) }
            .Select(t => Path.Combine(folder, BackupFormat.DatedFileName(t))).ToList();
        foreach (var path in old)
            await File.WriteAllTextAsync(path, "old");
        var notes = Path.Combine(folder, "notes.tar.gz");
        await File.WriteAllTextAsync(notes, "someone's file");

        var (exit, output, error) = await Backups.CliAsync(["backup", "--to", folder, "--keep", "2", .. site.CommandLineSwitches()]);

        Assert.True(exit == 0, error);
        var left = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(3, left.Count);
        Assert.Contains("notes.tar.gz", left);
        Assert.Contains(Path.GetFileName(old[2]), left);
        Assert.DoesNotContain(Path.GetFileName(old[0]), left);
        Assert.DoesNotContain(Path.GetFileName(old[1]), left);
        var made = left.Single(name => name!.StartsWith("bayan-backup-2", StringComparison.Ordinal) && !old.Any(o => o.EndsWith(name, StringComparison.Ordinal)));
        Assert.Null((await BackupReader.VerifyAsync(Path.Combine(folder, made!), null, CancellationToken.None)).Problem);
        Assert.Contains("removed 2", output);
    }

    [Fact]
    public async Task A_wrong_keep_is_refused_before_anything_is_written()
    {
        var folder = Backups.TempPath("wrong-keep");
        var (exit, _, error) = await Backups.CliAsync(["backup", "--to", folder, "--keep", "0", .. site.CommandLineSwitches()]);
        Assert.Equal(1, exit);
        Assert.Contains("--keep takes a number of backups from 1 to 10000", error);
        Assert.False(Directory.Exists(folder));
    }

    /// <summary>The page's content, with the site's own address (which differs between the two servers) taken out.</summary>
    private static async Task<string> MainAsync(HttpClient http, string path)
    {
        var (response, document) = await http.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelector("main")!.OuterHtml.Replace(http.BaseAddress!.GetLeftPart(UriPartial.Authority), "SITE");
    }
}
