using Bayan.Audit;
using Bayan.Data;
using Bayan.Exporting;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Backup;

/// <summary>
/// Takes a backup of the whole site while it serves (<see cref="BackupFormat"/>): first one consistent copy of the database,
/// then the media and keys, streamed to wherever the caller opens (a file, a download), never whole in memory.
/// SQLite's copy is <c>VACUUM INTO</c> (<see cref="SqliteSnapshot"/>); PostgreSQL's is the portable export
/// (<see cref="ExportWriter"/>) read inside one REPEATABLE READ transaction (<see cref="ReadSnapshot"/>).
/// </summary>
public sealed class TakeBackup(BayanOptions options, BayanDb db, ExportWriter export, TimeProvider clock)
{
    /// <param name="open">
    /// Called once the database's copy is taken, when nothing more can be refused: the stream the archive is written to
    /// (left open). A download sets its headers here; a file is made here.
    /// </param>
    /// <param name="auditAs">The person who asked, when the log should say so (a download from the back office).</param>
    public async Task<Outcome> RunAsync(Func<CancellationToken, Task<Stream>> open, IProgress<(string Step, int Done, int Total)>? progress,
        CancellationToken ct, string? auditAs = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        progress?.Report(("database", 0, 1));
        var work = Path.Combine(options.DataFolder, $".backup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var copy = options.Database.Provider == DatabaseProvider.Postgres
                ? await ExportAsync(work, progress, ct)
                : await CopySqliteAsync(work, ct);
            progress?.Report(("database", 1, 1));

            if (auditAs is not null)
            {
                AuditLog.Record(db, now, auditAs, "backup.downloaded", "site", Summary(copy.Counts));
                await db.SaveChangesAsync(ct);
            }

            var output = await open(ct);
            await using var writer = new BackupWriter(output, now);
            foreach (var (name, path) in copy.Files)
                await writer.AddFileAsync(name, path, ct);
            await AddFoldersAsync(writer, progress, ct);
            await writer.FinishAsync(new BackupManifest(
                BackupFormat.Name, BackupFormat.Version, BackupManifest.CurrentVersion, now, ProviderName(options.Database.Provider),
                copy.Migration, copy.Counts, []), ct);
            await output.FlushAsync(ct);
            return new Outcome.Done(0, new Problem("backup_written", writer.Parts.Count, Megabytes(writer.Bytes), Summary(copy.Counts)));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The database at one moment, as files in <paramref name="work"/>, with what they hold.</summary>
    private sealed record DatabaseCopy(IReadOnlyList<(string Name, string Path)> Files, Dictionary<string, long> Counts, string Migration);

    private async Task<DatabaseCopy> CopySqliteAsync(string work, CancellationToken ct)
    {
        var snapshot = await SqliteSnapshot.TakeAsync(db, DataServices.ConnectionStringFor(options), Path.Combine(work, "bayan.db"), ct);
        return new DatabaseCopy([(BackupFormat.Database, snapshot.Path)], snapshot.Counts, snapshot.Migration);
    }

    /// <summary>
    /// PostgreSQL: the portable export of every table, written into <paramref name="work"/> inside one REPEATABLE READ
    /// transaction, in which the counts and the migration are read too; the media is copied after, as for SQLite.
    /// </summary>
    private async Task<DatabaseCopy> ExportAsync(string work, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var folder = Path.Combine(work, "database");
        Dictionary<string, long> counts;
        string migration;
        await using (await ReadSnapshot.BeginAsync(db, ct))
        {
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            counts = await BackupCounts.CountAsync(db, transaction.Connection!, transaction, ct);
            migration = await BackupCounts.LastMigrationAsync(transaction.Connection!, transaction, ct) ?? "";
            await export.WriteAsync(new FolderSink(folder), progress, ct, media: false);
        }
        // The export's own manifest last, as in an export folder; every file under database/.
        var files = FilesUnder(folder)
            .OrderBy(name => name == ExportKinds.ManifestFile ? 1 : 0)
            .Select(name => ($"{BackupFormat.DatabaseFolder}/{name}", Path.Combine(folder, name)))
            .ToList();
        return new DatabaseCopy(files, counts, migration);
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
