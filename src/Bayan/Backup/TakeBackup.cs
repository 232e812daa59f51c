using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Backup;

/// <summary>
/// Takes a backup of the whole site while it serves (<see cref="BackupFormat"/>): first one consistent copy of the database,
/// then the media and keys, streamed to wherever the caller opens (a file, a download), never whole in memory.
/// </summary>
public sealed class TakeBackup(BayanOptions options, BayanDb db, TimeProvider clock)
{
    /// <param name="open">
    /// Called once the database's copy is taken, when nothing more can be refused: the stream the archive is written to
    /// (left open). A download sets its headers here; a file is made here.
    /// </param>
    /// <param name="auditAs">The person who asked, when the log should say so (a download from the back office).</param>
    public async Task<Outcome> RunAsync(Func<CancellationToken, Task<Stream>> open, IProgress<(string Step, int Done, int Total)>? progress,
        CancellationToken ct, string? auditAs = null)
    {
        if (options.Database.Provider != DatabaseProvider.Sqlite)
            return Refused("backup_postgres_not_yet");

        var now = clock.GetUtcNow().UtcDateTime;
        progress?.Report(("database", 0, 1));
        var copyPath = Path.Combine(options.DataFolder, $".backup-{Guid.NewGuid():N}.db");
        using var snapshot = await SqliteSnapshot.TakeAsync(db, DataServices.ConnectionStringFor(options), copyPath, ct);
        progress?.Report(("database", 1, 1));

        if (auditAs is not null)
        {
            AuditLog.Record(db, now, auditAs, "backup.downloaded", "site", Summary(snapshot.Counts));
            await db.SaveChangesAsync(ct);
        }

        var output = await open(ct);
        await using var writer = new BackupWriter(output, now);
        await writer.AddFileAsync(BackupFormat.Database, snapshot.Path, ct);
        await AddFoldersAsync(writer, progress, ct);
        await writer.FinishAsync(new BackupManifest(
            BackupFormat.Name, BackupFormat.Version, BackupManifest.CurrentVersion, now, ProviderName(options.Database.Provider),
            snapshot.Migration, snapshot.Counts, []), ct);
        await output.FlushAsync(ct);
        return new Outcome.Done(0, new Problem("backup_written", writer.Parts.Count, Megabytes(writer.Bytes), Summary(snapshot.Counts)));
    }

    /// <summary>The media and keys as they are now: files are only ever added under new names, so each is whole.</summary>
    private async Task AddFoldersAsync(BackupWriter writer, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var files = BackupFormat.Folders
            .SelectMany(folder => FilesUnder(Path.Combine(options.DataFolder, folder)).Select(relative => (Name: $"{folder}/{relative}", Folder: folder)))
            .ToList();
        progress?.Report(("media", 0, files.Count));
        var done = 0;
        foreach (var (name, _) in files)
        {
            try
            {
                await writer.AddFileAsync(name, Path.Combine(options.DataFolder, name), ct);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone since the folder was listed: nothing of it was written.
            }
            progress?.Report(("media", ++done, files.Count));
        }
    }

    /// <summary>Every file under a folder, relative, with forward slashes, in a stable order; staging folders (".incoming-...") left out.</summary>
    internal static IEnumerable<string> FilesUnder(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(relative => !relative.Split('/').Any(segment => segment.StartsWith('.')))
                .Order(StringComparer.Ordinal);

    internal static string ProviderName(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    internal static string Summary(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static Outcome Refused(string key, params object[] args) =>
        new Outcome.Invalid(new Dictionary<string, Problem> { ["backup"] = new(key, args) });
}
