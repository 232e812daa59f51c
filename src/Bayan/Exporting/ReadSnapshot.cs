using System.Data;
using Bayan.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Exporting;

/// <summary>
/// One read-only transaction in which every read of an export sees the site as it was at one moment, while
/// editors go on saving: on PostgreSQL a REPEATABLE READ snapshot; on SQLite a deferred transaction, whose
/// first read fixes what it sees in write-ahead-log mode, and which never holds the write lock (an
/// immediate one, SQLite's usual, would stop every save for as long as the export takes).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly BayanDb db;
    private readonly IDbContextTransaction transaction;
    private readonly SqliteTransaction? sqlite;

    private ReadSnapshot(BayanDb db, IDbContextTransaction transaction, SqliteTransaction? sqlite)
    {
        this.db = db;
        this.transaction = transaction;
        this.sqlite = sqlite;
    }

    public static async Task<ReadSnapshot> BeginAsync(BayanDb db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A read snapshot needs a context with no transaction of its own yet.");
        if (db.Database.IsNpgsql())
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
            // The snapshot is taken at the first query: now, not at the caller's first read.
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return new ReadSnapshot(db, transaction, null);
        }
        await db.Database.OpenConnectionAsync(ct);
        var deferred = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var used = await db.Database.UseTransactionAsync(deferred, ct);
        // A deferred transaction sees the database as it is at its first read: that is now.
        await db.Database.ExecuteSqlRawAsync("SELECT COUNT(*) FROM sqlite_master", ct);
        return new ReadSnapshot(db, used!, deferred);
    }

    /// <summary>Ends the transaction; it wrote nothing, so there is nothing to keep.</summary>
    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        if (sqlite is not null)
        {
            await sqlite.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
