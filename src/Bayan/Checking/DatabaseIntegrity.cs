using System.Data.Common;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Checking;

/// <summary>
/// The database's own structures, as the database itself checks them: SQLite's integrity and
/// foreign-key checks; on PostgreSQL, amcheck over every table and B-tree index of the site's
/// schema. Nothing here is repaired: a damaged database is restored from a backup.
/// </summary>
internal static class DatabaseIntegrity
{
    public const string Area = "database";

    /// <summary>More than this many messages from one check says no more than the first ones.</summary>
    private const int MostMessages = 20;

    private const string UndefinedFunction = "42883";

    public static Task<List<CheckFinding>> CheckAsync(BayanDb db, CancellationToken ct) =>
        db.Database.IsNpgsql() ? PostgresAsync(db, ct) : SqliteAsync(db, ct);

    private static async Task<List<CheckFinding>> SqliteAsync(BayanDb db, CancellationToken ct)
    {
        var findings = new List<CheckFinding>();
        foreach (var message in await ReadAsync(db, $"PRAGMA integrity_check({MostMessages})", r => r.GetString(0), ct))
        {
            if (message != "ok")
                findings.Add(new(Area, new Problem("check_database_damaged", message), FindingState.Found));
        }
        // Rows that name a row no longer there: table, its row and the table it names.
        foreach (var (table, row, parent) in await ReadAsync(db, "PRAGMA foreign_key_check",
            r => (r.GetString(0), r.IsDBNull(1) ? "" : r.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetString(2)), ct))
            findings.Add(new(Area, new Problem("check_database_orphan", table, row, parent), FindingState.Found));
        return findings;
    }

    private static async Task<List<CheckFinding>> PostgresAsync(BayanDb db, CancellationToken ct)
    {
        if (!await AmcheckAsync(db, ct))
            return [new(Area, new Problem("check_database_no_amcheck"), FindingState.Note)];
        var findings = new List<CheckFinding>();
        var indexes = await ReadAsync(db, """
            SELECT c.relname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am am ON am.oid = c.relam
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE am.amname = 'btree' AND n.nspname = current_schema() AND i.indisready AND i.indisvalid
            ORDER BY c.relname
            """, r => r.GetString(0), ct);
        foreach (var index in indexes)
        {
            // bt_index_check raises an error for a damaged index: one finding per index, and on to the next.
            try
            {
                await ReadAsync(db, $"SELECT bt_index_check(to_regclass(quote_ident(current_schema()) || '.' || quote_ident('{Quoted(index)}')), true)", _ => 0, ct);
            }
            catch (DbException e) when (e.SqlState is { } state && !state.StartsWith("08", StringComparison.Ordinal))
            {
                findings.Add(new(Area, new Problem("check_database_damaged", $"{index}: {e.Message}"), FindingState.Found));
            }
        }
        var tables = await ReadAsync(db, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY c.relname
            """, r => r.GetString(0), ct);
        foreach (var table in tables)
        {
            List<string> damage;
            try
            {
                damage = await ReadAsync(db,
                    $"SELECT msg FROM verify_heapam(to_regclass(quote_ident(current_schema()) || '.' || quote_ident('{Quoted(table)}'))) LIMIT {MostMessages}",
                    r => r.IsDBNull(0) ? "" : r.GetString(0), ct);
            }
            catch (DbException e) when (e.SqlState == UndefinedFunction)
            {
                // verify_heapam came with PostgreSQL 14; an older server checks its indexes only.
                findings.Add(new(Area, new Problem("check_database_no_heap_check"), FindingState.Note));
                break;
            }
            findings.AddRange(damage.Select(m => new CheckFinding(Area, new Problem("check_database_damaged", $"{table}: {m}"), FindingState.Found)));
        }
        return findings;
    }

    /// <summary>
    /// amcheck ships with PostgreSQL but each database must have it created, which takes rights a
    /// site's own user may lack: then the check says so instead of failing.
    /// </summary>
    private static async Task<bool> AmcheckAsync(BayanDb db, CancellationToken ct)
    {
        if ((await ReadAsync(db, "SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'", r => r.GetInt64(0), ct))[0] > 0)
            return true;
        try
        {
            await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS amcheck", ct);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static string Quoted(string name) => name.Replace("'", "''", StringComparison.Ordinal);

    private static async Task<List<T>> ReadAsync<T>(BayanDb db, string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
                rows.Add(read(reader));
            return rows;
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }
}
