using System.CommandLine;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Bayan.Backup;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Bayan.Tests.Backup;

/// <summary>A test site on SQLite whatever the suite runs on: backups are of SQLite sites (PostgreSQL's are refused, for now).</summary>
public sealed class SqliteSite : TestSite
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings.Remove("Bayan:Database:Provider");
        settings.Remove("Bayan:Database:ConnectionString");
    }
}

/// <summary>A site served from a restored data folder, as `bayan --data FOLDER` would after `bayan restore`.</summary>
public sealed class RestoredSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private RestoredSite(WebApplication app, string folder)
    {
        this.app = app;
        Folder = folder;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public string Folder { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<RestoredSite> StartAsync(string folder)
    {
        var app = BayanWebApp.Build(BayanArgs.Of(new Dictionary<string, string?>
        {
            ["Bayan:Data"] = folder,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await BayanWebApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return new RestoredSite(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

public static class Backups
{
    /// <summary>A path in a fresh folder of its own (made), for a backup file or a data folder.</summary>
    public static string TempPath(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "bayan-tests", "backups-" + Guid.NewGuid().ToString("N")[..12]));
        return Path.Combine(folder.FullName, name);
    }

    /// <summary>Runs `bayan ARGS` in this process, in the given language (English unless told), as a person at a terminal would.</summary>
    public static async Task<(int Exit, string Output, string Error)> CliInAsync(string language, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var exit = await BayanCommandLine.RunAsync([.. args, "--Logging:LogLevel:Default", "Warning"],
                new InvocationConfiguration { Output = output, Error = error });
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static Task<(int Exit, string Output, string Error)> CliAsync(params string[] args) => CliInAsync("en", args);

    /// <summary>Every file under a folder (none when it does not exist): what "nothing was written" is checked by.</summary>
    public static string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    public static async Task<BackupManifest> ManifestAsync(string file)
    {
        var entries = await EntriesAsync(file);
        return BackupManifest.Parse(entries[BackupFormat.Manifest]) ?? throw new InvalidOperationException("No manifest.");
    }

    /// <summary>The archive's entries in order, each read whole (test backups are small).</summary>
    public static async Task<Dictionary<string, byte[]>> EntriesAsync(string file)
    {
        var entries = new Dictionary<string, byte[]>();
        await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            using var bytes = new MemoryStream();
            if (entry.DataStream is not null)
                await entry.DataStream.CopyToAsync(bytes);
            entries[entry.Name] = bytes.ToArray();
        }
        return entries;
    }

    /// <summary>
    /// A backup whose every checksum is right but whose manifest promises what its database does not hold: it passes
    /// verification and fails only when the restored database is checked, the last step before it would take the old one's place.
    /// </summary>
    public static async Task WriteLyingCopyAsync(string file, string copy)
    {
        var entries = await EntriesAsync(file);
        var manifest = BackupManifest.Parse(entries[BackupFormat.Manifest])!;
        var counts = new Dictionary<string, long>(manifest.Counts) { ["releases"] = manifest.Counts["releases"] + 1 };
        var json = (manifest with { Counts = counts }).ToJson();
        entries[BackupFormat.Manifest] = json;
        entries[BackupFormat.ManifestChecksum] = Encoding.ASCII.GetBytes($"{Convert.ToHexStringLower(SHA256.HashData(json))}  {BackupFormat.Manifest}\n");
        await using var gzip = new GZipStream(File.Create(copy), CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, bytes) in entries)
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
    }
}
