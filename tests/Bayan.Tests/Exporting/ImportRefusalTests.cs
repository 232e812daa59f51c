using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Bayan.Data;
using Bayan.Exporting;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Exporting;

/// <summary>`bayan import bayan` refuses what it cannot take whole, with the reason, and writes nothing.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ImportRefusalTests : IAsyncLifetime
{
    private readonly TestSite source = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bayan-tests", "export-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await source.InitializeAsync();
        var office = await source.Seed.OfficeAsync();
        await source.Seed.ReleaseAsync(office, title: "refused");
        var media = Path.Combine(source.DataFolder, "media", "2024", "11", "photo.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(media)!);
        await File.WriteAllBytesAsync(media, [1, 2, 3, 4]);
        using var scope = source.Services.CreateScope();
        await using (await ReadSnapshot.BeginAsync(scope.ServiceProvider.GetRequiredService<BayanDb>(), CancellationToken.None))
            await scope.ServiceProvider.GetRequiredService<ExportWriter>().WriteAsync(new FolderSink(folder), null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("truncated")]
    [InlineData("missing")]
    public async Task A_damaged_export_is_refused_and_nothing_is_written(string damage)
    {
        var file = Path.Combine(folder, "release-versions.jsonl");
        var bytes = await File.ReadAllBytesAsync(file);
        switch (damage)
        {
            case "changed": bytes[bytes.Length / 2] ^= 0x20; await File.WriteAllBytesAsync(file, bytes); break;
            case "truncated": await File.WriteAllBytesAsync(file, bytes[..(bytes.Length - 10)]); break;
            default: File.Delete(file); break;
        }

        await using var target = new ExportTestSite(onSqlite: false, demo: false);
        await target.InitializeAsync();
        var (exit, error) = await ImportAsync(target);

        Assert.Equal(1, exit);
        Assert.Contains("release-versions.jsonl", error);
        Assert.Contains(damage == "missing" ? "lacks" : "damaged", error);
        Assert.Contains("Nothing was imported", error);
        await AssertEmptyAsync(target);
    }

    [Fact]
    public async Task An_export_whose_rows_the_database_refuses_writes_nothing_at_all()
    {
        // Whole by its checksums, but a release names an office the export does not hold.
        var file = Path.Combine(folder, "releases.jsonl");
        var text = await File.ReadAllTextAsync(file);
        var release = JsonDocument.Parse(text.Split('\n')[0]).RootElement;
        await File.WriteAllTextAsync(file, text.Replace($"\"officeId\":{release.GetProperty("officeId").GetInt32()}", "\"officeId\":999999"));
        await RewriteChecksumAsync("releases.jsonl");

        await using var target = new ExportTestSite(onSqlite: false, demo: false);
        await target.InitializeAsync();
        var (exit, error) = await ImportAsync(target);

        Assert.Equal(1, exit);
        Assert.Contains("releases.jsonl", error);
        Assert.Contains("Nothing was imported", error);
        await AssertEmptyAsync(target);
    }

    [Fact]
    public async Task A_site_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        await using var target = new TestSiteOwner(new TestSite());
        await target.Site.InitializeAsync();
        var users = await target.Site.Seed.WithDbAsync(db => db.Users.CountAsync());

        var (exit, error) = await ImportAsync(target.Site);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", error);
        Assert.Contains("site", error);
        Assert.Equal(users, await target.Site.Seed.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await target.Site.Seed.CountReleasesAsync());
    }

    private async Task<(int Exit, string Error)> ImportAsync(TestSite target)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await BayanCommandLine.RunAsync(["import", "bayan", folder, .. target.CommandLineSwitches(), "--Logging:LogLevel:Default", "Warning"],
            new InvocationConfiguration { Output = output, Error = error });
        return (exit, error.ToString());
    }

    private static async Task AssertEmptyAsync(TestSite target)
    {
        await target.Seed.WithDbAsync(async db =>
        {
            Assert.False(await db.Sites.AnyAsync());
            Assert.False(await db.Offices.AnyAsync());
            Assert.False(await db.Releases.AnyAsync());
            Assert.False(await db.Users.AnyAsync());
        });
        var media = Path.Combine(target.DataFolder, "media");
        Assert.Empty(Directory.Exists(media) ? Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories) : []);
    }

    private async Task RewriteChecksumAsync(string name)
    {
        var path = Path.Combine(folder, ExportKinds.ManifestFile);
        var manifest = JsonSerializer.Deserialize<ExportManifest>(await File.ReadAllTextAsync(path), ExportManifest.Json)!;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, name));
        manifest = manifest with
        {
            Files = [.. manifest.Files.Select(f => f.Path == name ? f with { Bytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) } : f)],
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(manifest, ExportManifest.Json));
    }

    /// <summary>Disposes a plain test site at the end of a test.</summary>
    private sealed class TestSiteOwner(TestSite site) : IAsyncDisposable
    {
        public TestSite Site { get; } = site;

        public async ValueTask DisposeAsync() => await Site.DisposeAsync();
    }
}
