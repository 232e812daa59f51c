using System.Net;
using Bayan.Backup;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Backup;

/// <summary>/admin/backup: an administrator downloads a backup, written into the response as it is made; nobody else can.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class BackupDownloadTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task An_administrator_downloads_a_whole_backup_streamed_and_the_download_is_audited()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office);
        var admin = await site.Seed.UserAsync(administrator: true);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));
        var releases = await site.Seed.CountReleasesAsync();

        var page = await client.PageAsync("/admin/backup");
        Assert.Equal(releases.ToString(), page.QuerySelector("tr[data-kind=releases] td:last-child")!.TextContent);
        var response = await client.PostFormAsync("/admin/backup", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^bayan-backup-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gz$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        // Sent as it was made: no length known in advance, so neither held whole in memory nor written whole to disk first.
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
        var file = Backups.TempPath("downloaded.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var verified = await BackupReader.VerifyAsync(file, null, CancellationToken.None);
        Assert.Null(verified.Problem);
        Assert.Equal(releases, verified.Manifest!.Counts["releases"]);
        Assert.Equal(1, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "backup.downloaded" && a.Actor == admin.DisplayName)));
    }

    [Fact]
    public async Task Only_administrators_see_the_page_or_download()
    {
        var office = await site.Seed.OfficeAsync();
        var editor = await site.Seed.UserAsync(offices: [office.Id], moderator: true);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(editor.Email!, Seed.Password));

        var page = await client.GetAsync("/admin/backup");
        var download = await client.PostFormAsync("/admin/releases/new", "/admin/backup", []);
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        var anonymous = await stranger.PostAsync("/admin/backup", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/denied", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Equal("/admin/denied", download.Headers.Location!.AbsolutePath);
        Assert.NotEqual("application/gzip", download.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual("application/gzip", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "backup.downloaded" && a.Actor == editor.DisplayName)));
        Assert.DoesNotContain("/admin/backup", await (await client.GetAsync("/admin")).Content.ReadAsStringAsync());
    }
}
