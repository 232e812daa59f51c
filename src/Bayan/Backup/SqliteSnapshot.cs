using Bayan.Data;
using Microsoft.Data.Sqlite;

namespace Bayan.Backup;

/// <summary>
/// A consistent copy of a live SQLite database, taken while Bayan serves and editors save: <c>VACUUM INTO</c> reads the whole
/// database inside one read transaction, which in WAL mode blocks no writer, and writes it compacted to a file of its own.
/// The counts and the migration are read from the copy, so they describe exactly what it holds.
/// </summary>
internal sealed class SqliteSnapshot
{
    private SqliteSnapshot(string path, Dictionary<string, long> counts, string migration)
    {
        Path = path;
        Counts = counts;
        Migration = migration;
    }

    public string Path { get; }
    public Dictionary<string, long> Counts { get; }
    public string Migration { get; }

    public static async Task<SqliteSnapshot> TakeAsync(BayanDb model, string connectionString, string path, CancellationToken ct)
    {
        try
        {
            await using (var live = new SqliteConnection(connectionString))
            {
                await live.OpenAsync(ct);
                await using var vacuum = live.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", path);
                // A large database takes a while to copy; the copy is a read and never holds writers up.
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            await using var copy = Open(path, SqliteOpenMode.ReadOnly);
            await copy.OpenAsync(ct);
            var counts = await BackupCounts.CountAsync(model, copy, null, ct);
            var migration = await BackupCounts.LastMigrationAsync(copy, null, ct) ?? "";
            return new SqliteSnapshot(path, counts, migration);
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    /// <summary>A connection to a database file that no pool keeps open afterwards, so the file can be moved or deleted.</summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
