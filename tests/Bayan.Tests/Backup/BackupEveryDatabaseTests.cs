using System.Net;
using Bayan.Backup;
using Bayan.Data;
using Bayan.Tests.Media;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp.Formats.Png;

namespace Bayan.Tests.Backup;

/// <summary>`bayan backup` on either database: one file that holds the database at one moment, the media, and a manifest that counts them.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class BackupEveryDatabaseTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_backup_holds_the_database_and_media_and_its_manifest_counts_what_the_site_holds()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office);
        var admin = await site.Seed.UserAsync(administrator: true);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));
        var imageName = Seed.Unique("photo") + ".png";
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("/admin/media", imageName, TestImages.Plain(640, 320, new PngEncoder()))).StatusCode);
        var image = await site.Seed.WithDbAsync(db => db.Media.SingleAsync(m => m.FileName == imageName));
        var file = Backups.TempPath("site.tar.gz");

        var (exit, output, error) = await Backups.CliAsync(["backup", "--to", file, .. site.CommandLineSwitches()]);

        Assert.True(exit == 0, error);
        Assert.Contains("Backup written", output);
        Assert.Null((await BackupReader.VerifyAsync(file, null, CancellationToken.None)).Problem);
        var manifest = await Backups.ManifestAsync(file);
        var entries = await Backups.EntriesAsync(file);
        var (releases, media, users, migration) = await site.Seed.WithDbAsync(async db => (
            await db.Releases.CountAsync(), await db.Media.CountAsync(), await db.Users.CountAsync(), (await db.Database.GetAppliedMigrationsAsync()).Last()));
        Assert.Equal(TestDatabase.IsPostgres ? "postgres" : "sqlite", manifest.Provider);
        Assert.Equal(migration, manifest.Migration);
        Assert.Equal(releases, manifest.Counts["releases"]);
        Assert.Equal(media, manifest.Counts["media"]);
        Assert.Equal(users, manifest.Counts["users"]);
        var stored = Uri.UnescapeDataString(image.Url.TrimStart('/'));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site.DataFolder, stored)), entries[stored]);
        // SQLite's database is a copy of its file; PostgreSQL's is the portable export, whose own manifest closes it.
        Assert.Contains(TestDatabase.IsPostgres ? "database/manifest.json" : "database/bayan.db", entries.Keys);
        Assert.Equal(manifest.Parts.Select(p => p.Name).Order(), entries.Keys.Except([BackupFormat.Manifest, BackupFormat.ManifestChecksum]).Order());
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_site_serves_the_same_pages_and_media_and_a_second_restore_is_refused()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var admin = await site.Seed.UserAsync(administrator: true);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));
        var imageName = Seed.Unique("photo") + ".png";
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("/admin/media", imageName, TestImages.Plain(640, 320, new PngEncoder()))).StatusCode);
        var image = await site.Seed.WithDbAsync(db => db.Media.SingleAsync(m => m.FileName == imageName));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/admin/releases/{release.Id}", $"/admin/releases/{release.Id}?handler=Media",
            [new("featured", image.Id.ToString())])).StatusCode);
        var file = Backups.TempPath("site.tar.gz");
        var (exit, _, error) = await Backups.CliAsync(["backup", "--to", file, .. site.CommandLineSwitches()]);
        Assert.True(exit == 0, error);
        var target = await TestDatabase.CreateAsync(Backups.TempPath("restored"));
        try
        {
            (exit, var output, error) = await Backups.CliAsync(["restore", file, .. RestoredSite.Switches(target)]);
            Assert.True(exit == 0, error);
            Assert.Contains("Restored", output);
            var again = await Backups.CliAsync(["restore", file, .. RestoredSite.Switches(target)]);

            await using var restored = await RestoredSite.StartAsync(target);
            var english = $"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}";
            foreach (var path in new[] { "/ar/", $"/ar/{office.Code}/", english, $"/ar/{office.Code}/{release.Id}/{release.Versions[0].Slug}" })
                Assert.Equal(await MainAsync(site.Http, path), await MainAsync(restored.Http, path));
            Assert.Equal(await site.Http.GetByteArrayAsync(image.Url), await restored.Http.GetByteArrayAsync(image.Url));
            var (_, found) = await restored.Http.GetPageAsync($"/en/search?q={Uri.EscapeDataString(release.Versions[1].Title.Split(' ')[1])}");
            Assert.Contains(release.Versions[1].Title, found.QuerySelector("main")!.TextContent);
            Assert.Equal(1, again.Exit);
            Assert.Contains("already holds a site", again.Error);
        }
        finally
        {
            await TestDatabase.DropAsync(target);
        }
    }

    /// <summary>The page's content, with the site's own address (which differs between the two servers) taken out.</summary>
    private static async Task<string> MainAsync(HttpClient http, string path)
    {
        var (response, document) = await http.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelector("main")!.OuterHtml.Replace(http.BaseAddress!.GetLeftPart(UriPartial.Authority), "SITE");
    }
}
