using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Backup;

/// <summary>What the back office's backup page shows before a download: what the site holds now, and whether it can be backed up here.</summary>
public sealed class BackupQueries(BayanOptions options, BayanDb db)
{
    /// <summary>Backups are written for SQLite sites; a PostgreSQL site is refused, with a message that says what to do instead.</summary>
    public bool CanBackUp => options.Database.Provider == DatabaseProvider.Sqlite;

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await BackupCounts.CountAsync(db, connection, db.Database.CurrentTransaction?.GetDbTransaction(), ct);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }
}
