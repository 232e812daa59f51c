using System.Security.Cryptography;
using System.Text.Json;
using Bayan.Data;
using Bayan.Exporting;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Exporting;

/// <summary>The export writer, as the export command and a backup call it: one moment of the site, into any sink.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ExportWriterTests : IAsyncLifetime
{
    private readonly TestSite site = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bayan-tests", "export-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Writes_every_kind_the_media_and_a_manifest_whose_checksums_hold()
    {
        var office = await site.Seed.OfficeAsync();
        var category = await site.Seed.CategoryAsync();
        var release = await site.Seed.ReleaseAsync(office, title: "exported", category: category, number: "1446/07");
        var media = Path.Combine(site.DataFolder, "media", "2024", "11", "photo.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(media)!);
        await File.WriteAllBytesAsync(media, [1, 2, 3, 4]);

        var manifest = await ExportAsync(new FolderSink(folder));

        Assert.Equal("bayan-export", manifest.Format);
        Assert.Equal(1, manifest.FormatVersion);
        Assert.Equal(ExportKinds.All.Select(k => k.Name), manifest.Kinds.Select(k => k.Name));
        Assert.Equal(1, manifest.Kinds.Single(k => k.Name == "releases").Count);
        Assert.Equal(2, manifest.Kinds.Single(k => k.Name == "release-versions").Count);
        foreach (var file in manifest.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, file.Path));
            Assert.Equal(file.Bytes, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        Assert.Contains(manifest.Files, f => f.Path == "media/2024/11/photo.jpg");
        var written = JsonSerializer.Deserialize<ExportManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")), ExportManifest.Json);
        Assert.Equal(manifest.Files, written!.Files);

        var releases = await RowsAsync("releases");
        var row = Assert.Single(releases);
        Assert.Equal(release.Id, row.GetProperty("id").GetInt32());
        Assert.Equal("1446/07", row.GetProperty("referenceNumber").GetString());
        Assert.Equal("Published", row.GetProperty("status").GetString());
        Assert.EndsWith("Z", row.GetProperty("publishAt").GetString());
        Assert.Contains(await RowsAsync("release-categories"), r => r.GetProperty("categoriesId").GetInt32() == category.Id);
        Assert.Contains(await RowsAsync("release-versions"), v => v.GetProperty("title").GetString() == "بيان exported");
        Assert.All(await RowsAsync("users"), u => Assert.StartsWith("AQAAAA", u.GetProperty("passwordHash").GetString()));
    }

    [Fact]
    public async Task Sees_the_site_as_it_was_when_its_transaction_began_while_editors_go_on_saving()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, title: "before");

        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        await using (await ReadSnapshot.BeginAsync(db, CancellationToken.None))
        {
            await site.Seed.ReleaseAsync(office, title: "after");
            await scope.ServiceProvider.GetRequiredService<ExportWriter>().WriteAsync(new FolderSink(folder), null, CancellationToken.None);
        }

        var titles = (await RowsAsync("release-versions")).Select(v => v.GetProperty("title").GetString()).ToList();
        Assert.Contains("بيان before", titles);
        Assert.DoesNotContain("بيان after", titles);
        Assert.Equal(2, await site.Seed.CountReleasesAsync());
    }

    private async Task<ExportManifest> ExportAsync(IExportSink sink)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        await using var snapshot = await ReadSnapshot.BeginAsync(db, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<ExportWriter>().WriteAsync(sink, null, CancellationToken.None);
    }

    private async Task<List<JsonElement>> RowsAsync(string kind) =>
        [.. (await File.ReadAllLinesAsync(Path.Combine(folder, kind + ".jsonl"))).Select(line => JsonDocument.Parse(line).RootElement)];
}
