using Bayan.Data;
using Bayan.Exporting;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bayan.Backup;

/// <summary>
/// The PostgreSQL half of <see cref="RestoreSite"/>: a backup's database/ folder is a portable export, read into an empty
/// database by <see cref="ImportBayan"/> in one transaction (a failure leaves the database empty). The keys go in place
/// first, since the import seals webhook secrets with them; the media last, once the rows are in.
/// </summary>
internal sealed class RestorePostgres(BayanOptions options, BayanDb db, ImportBayan import)
{
    /// <summary>Why the target cannot take the backup, or null when it is an empty database (made, or made and migrated, nothing in it).</summary>
    public async Task<Problem?> RefuseTargetAsync(bool replace, CancellationToken ct)
    {
        var name = new NpgsqlConnectionStringBuilder(DataServices.ConnectionStringFor(options)).Database ?? "";
        if (replace)
            return new Problem("backup_replace_postgres");
        if (TakeBackup.FilesUnder(options.MediaFolder).Any() || await HasDataAsync(ct))
            return new Problem("backup_database_not_empty", name);
        return null;
    }

    /// <param name="staging">Where the backup's parts were extracted (database/, media/, keys/).</param>
    public async Task<Problem?> RunAsync(string staging, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        await DatabaseStartup.PrepareAsync(options, db, ct);
        var keys = Path.Combine(options.DataFolder, "keys");
        var keysAside = keys + $".before-restore-{Guid.NewGuid():N}";
        var keysMoved = Directory.Exists(keys);
        if (keysMoved)
            Directory.Move(keys, keysAside);
        try
        {
            MoveIn(Path.Combine(staging, "keys"), keys);
            var report = await import.RunAsync(new FolderSource(Path.Combine(staging, BackupFormat.DatabaseFolder)), progress, ct);
            if (report.Error is { } refused)
            {
                PutBack(keys, keysAside, keysMoved);
                return refused;
            }
        }
        catch
        {
            PutBack(keys, keysAside, keysMoved);
            throw;
        }
        if (keysMoved)
            Directory.Delete(keysAside, recursive: true);
        // The media folder holds no file (checked first): an empty folder Bayan made, which the backup's takes the place of.
        if (Directory.Exists(options.MediaFolder))
            Directory.Delete(options.MediaFolder, recursive: true);
        MoveIn(Path.Combine(staging, "media"), options.MediaFolder);
        return null;
    }

    private static void MoveIn(string staged, string live)
    {
        if (Directory.Exists(staged))
            Directory.Move(staged, live);
        else
            Directory.CreateDirectory(live);
    }

    private static void PutBack(string keys, string aside, bool moved)
    {
        if (Directory.Exists(keys))
            Directory.Delete(keys, recursive: true);
        if (moved)
            Directory.Move(aside, keys);
    }

    /// <summary>A database with no table is empty; one with Bayan's tables is empty when it has no site, account or release.</summary>
    private async Task<bool> HasDataAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        try
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new StartupException($"Bayan cannot open the PostgreSQL database to restore into (Bayan:Database:ConnectionString, --db): {e.GetBaseException().Message}", e);
        }
        try
        {
            await using (var tables = connection.CreateCommand())
            {
                tables.CommandText = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()";
                if (Convert.ToInt64(await tables.ExecuteScalarAsync(ct)) == 0)
                    return false;
            }
            var counts = await BackupCounts.CountAsync(db, connection, null, ct);
            var sites = db.Model.FindEntityType(typeof(Sites.Site))!.GetTableName()!;
            await using var site = connection.CreateCommand();
            site.CommandText = $"SELECT COUNT(*) FROM \"{sites}\"";
            return counts["releases"] + counts["users"] + Convert.ToInt64(await site.ExecuteScalarAsync(ct)) > 0;
        }
        catch (PostgresException)
        {
            // Tables, but not Bayan's (or not all of them): someone's database, not to be written into unasked.
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
