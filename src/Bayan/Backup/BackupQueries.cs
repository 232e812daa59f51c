using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Backup;

/// <summary>What the back office's backup page shows before a download: what the site holds now.</summary>
public sealed class BackupQueries(BayanDb db)
{
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
