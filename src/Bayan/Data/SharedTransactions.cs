using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Data;

/// <summary>
/// The transaction of a write operation: its own, or, when the caller already holds one (an import writes
/// many items in one transaction), a part of the caller's. Committing a part commits nothing yet; rolling it
/// back (or leaving it unfinished) undoes the part alone, back to a savepoint, and the caller's other items stay.
/// </summary>
public static class SharedTransactions
{
    public static async Task<IDbContextTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        if (database.CurrentTransaction is not { } outer)
            return await database.BeginTransactionAsync(ct);
        var savepoint = $"part_{Guid.NewGuid():N}";
        await outer.CreateSavepointAsync(savepoint, ct);
        return new Part(outer, savepoint);
    }

    private sealed class Part(IDbContextTransaction outer, string savepoint) : IDbContextTransaction
    {
        private bool finished;

        public Guid TransactionId => outer.TransactionId;

        public void Commit()
        {
            if (!finished)
                outer.ReleaseSavepoint(savepoint);
            finished = true;
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (!finished)
                await outer.ReleaseSavepointAsync(savepoint, cancellationToken);
            finished = true;
        }

        public void Rollback()
        {
            if (!finished)
            {
                outer.RollbackToSavepoint(savepoint);
                outer.ReleaseSavepoint(savepoint);
            }
            finished = true;
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            if (!finished)
            {
                await outer.RollbackToSavepointAsync(savepoint, cancellationToken);
                await outer.ReleaseSavepointAsync(savepoint, cancellationToken);
            }
            finished = true;
        }

        // An operation that returns without committing (refused, not found) changed nothing it keeps, as its own transaction would.
        public void Dispose() => Rollback();

        public async ValueTask DisposeAsync() => await RollbackAsync();
    }
}
