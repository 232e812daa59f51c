using Bayan.Data;
using Bayan.Operations;
using Bayan.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Backup;

/// <summary>
/// Puts a backup (<see cref="BackupFormat"/>) in place of the site's data, with Bayan stopped. Nothing is written before the
/// whole file is verified; the new database is made ready (migrated when older than the program, counted against the manifest,
/// search reindexed) beside the old data, and only then takes its place, so a failure at any step leaves the old data as it was.
/// </summary>
public sealed class RestoreSite(BayanOptions options, BayanDb model)
{
    /// <param name="replace">Restore over a site that has data; the old data is kept aside until the restore has succeeded.</param>
    public async Task<Outcome> RunAsync(string file, bool replace, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        if (options.Database.Provider != DatabaseProvider.Sqlite)
            return Refused("backup_restore_postgres_not_yet");
        var databasePath = Path.GetFullPath(new SqliteConnectionStringBuilder(DataServices.ConnectionStringFor(options)).DataSource);
        if (!replace && await HasDataAsync(databasePath, ct))
            return Refused("backup_target_not_empty", options.DataFolder);

        var (manifest, problem) = await BackupReader.VerifyAsync(file, progress, ct);
        if (problem is not null)
            return Refused(problem);
        if (manifest!.Provider != TakeBackup.ProviderName(DatabaseProvider.Sqlite))
            return Refused("backup_other_database", manifest.Provider);
        var known = model.Database.GetMigrations().ToList();
        if (manifest.Migration.Length > 0 && !known.Contains(manifest.Migration))
            return Refused("backup_schema_newer", manifest.BayanVersion, manifest.Migration);

        var staging = Path.Combine(options.DataFolder, $".restore-{Guid.NewGuid():N}");
        try
        {
            var stagedDatabase = StagedPath(staging, BackupFormat.Database)!;
            var changed = await BackupReader.ExtractAsync(file, manifest, name => StagedPath(staging, name), progress, ct);
            if (changed is not null)
                return Refused("backup_changed_while_read", file);
            if (await PrepareAsync(stagedDatabase, staging, manifest, progress, ct) is { } unusable)
                return Refused(unusable);
            Swap(staging, databasePath);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        return new Outcome.Done(0, new Problem("backup_restored", manifest.CreatedAt.ToString("u"), TakeBackup.Summary(manifest.Counts)));
    }

    /// <summary>Where a part is staged: under its own name (database/..., media/..., keys/...); anything else is skipped.</summary>
    private static string? StagedPath(string staging, string name) =>
        BackupFormat.Folders.Append(BackupFormat.DatabaseFolder).Any(folder => name.StartsWith(folder + "/", StringComparison.Ordinal))
            ? Path.Combine(staging, name.Replace('/', Path.DirectorySeparatorChar))
            : null;

    /// <summary>The staged database checked against the manifest, brought up to the program's schema and reindexed; or why it cannot be used.</summary>
    private async Task<Problem?> PrepareAsync(string path, string staging, BackupManifest manifest, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        if (!File.Exists(path))
            return new Problem("backup_part_missing", path, BackupFormat.Database);
        try
        {
            await using (var connection = SqliteSnapshot.Open(path, SqliteOpenMode.ReadOnly))
            {
                await connection.OpenAsync(ct);
                var counts = await BackupCounts.CountAsync(model, connection, null, ct);
                if (manifest.Counts.FirstOrDefault(c => counts.GetValueOrDefault(c.Key) != c.Value) is { Key: not null } differs)
                    return new Problem("backup_counts_differ", differs.Key, differs.Value, counts.GetValueOrDefault(differs.Key));
            }
            var builder = new DbContextOptionsBuilder<SqliteBayanDb>();
            builder.UseBayanSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ConnectionString);
            await using var db = new SqliteBayanDb(builder.Options);
            // Upgrades a backup older than the program exactly as a start of Bayan would (migrations, then what they ask for).
            await DatabaseStartup.PrepareAsync(new BayanOptions { Data = staging }, db, ct);
            await SearchIndex.For(db).RebuildAsync(progress ?? new Progress<(string, int, int)>(), ct);
            return null;
        }
        catch (Exception e) when (e is SqliteException or StartupException or InvalidOperationException)
        {
            return new Problem("backup_database_unusable", e.GetBaseException().Message);
        }
    }

    /// <summary>
    /// The staged data takes the place of the live data: the live files move aside first, and come back if any move fails.
    /// Moves within one file system are renames, so this takes no time whatever the size of the site.
    /// </summary>
    private void Swap(string staging, string databasePath)
    {
        var aside = Path.Combine(options.DataFolder, $".before-restore-{Guid.NewGuid():N}");
        List<(string Live, string? Staged)> items =
        [
            (databasePath, StagedPath(staging, BackupFormat.Database)),
            (databasePath + "-wal", null),
            (databasePath + "-shm", null),
            .. BackupFormat.Folders.Select(folder => (Path.Combine(options.DataFolder, folder), (string?)Path.Combine(staging, folder))),
        ];
        var movedAside = new List<(string Live, string Aside)>();
        var movedIn = new List<string>();
        try
        {
            Directory.CreateDirectory(aside);
            foreach (var (live, _) in items)
            {
                var kept = Path.Combine(aside, movedAside.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (Move(live, kept))
                    movedAside.Add((live, kept));
            }
            foreach (var (live, staged) in items)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(live)!);
                if (staged is not null && Move(staged, live))
                    movedIn.Add(live);
            }
            // Folders the backup had no file in (an empty keys/) exist again, as a start of Bayan expects.
            foreach (var folder in BackupFormat.Folders)
                Directory.CreateDirectory(Path.Combine(options.DataFolder, folder));
        }
        catch
        {
            foreach (var live in movedIn)
                Remove(live);
            foreach (var (live, kept) in movedAside)
                Move(kept, live);
            throw;
        }
        Remove(aside);
    }

    private static bool Move(string from, string to)
    {
        if (File.Exists(from))
            File.Move(from, to);
        else if (Directory.Exists(from))
            Directory.Move(from, to);
        else
            return false;
        return true;
    }

    private static void Remove(string path)
    {
        if (File.Exists(path))
            File.Delete(path);
        else if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }

    /// <summary>
    /// Whether the target holds a site: a database with a site, an account or a release in it, or any media. A database
    /// a start of Bayan only made (migrated, nothing in it) and a keys folder are no site yet.
    /// </summary>
    private async Task<bool> HasDataAsync(string databasePath, CancellationToken ct)
    {
        if (TakeBackup.FilesUnder(options.MediaFolder).Any())
            return true;
        if (!File.Exists(databasePath) || new FileInfo(databasePath).Length == 0)
            return false;
        try
        {
            await using var connection = SqliteSnapshot.Open(databasePath, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(ct);
            var counts = await BackupCounts.CountAsync(model, connection, null, ct);
            var sites = model.Model.FindEntityType(typeof(Sites.Site))!.GetTableName()!;
            return counts["releases"] + counts["users"] > 0 || await CountAsync(connection, sites, ct) > 0;
        }
        catch (SqliteException)
        {
            // Not a database Bayan can read (or one without its tables): someone's file, not to be overwritten unasked.
            return await HasAnyTableAsync(databasePath, ct);
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private static async Task<bool> HasAnyTableAsync(string databasePath, CancellationToken ct)
    {
        try
        {
            await using var connection = SqliteSnapshot.Open(databasePath, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
        }
        catch (SqliteException)
        {
            return true;
        }
    }

    private static Outcome Refused(string key, params object[] args) => Refused(new Problem(key, args));

    private static Outcome Refused(Problem problem) => new Outcome.Invalid(new Dictionary<string, Problem> { ["backup"] = problem });
}
