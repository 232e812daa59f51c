using Bayan.Changes;
using Bayan.Data;
using Bayan.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Importing;

/// <summary>
/// Many items of an import written in one transaction: the library's operations run inside it as they run
/// anywhere (numbered, audited, each in a part of the transaction of its own), but a commit, the search index's
/// update and the announcement of the changes (the caches, the change count) come once per batch, not per item.
/// What an importer remembers of each item (<see cref="ImportLedger"/>) is written in the same transaction, so an
/// import stopped at any point (Ctrl-C, kill -9) keeps whole items and their records, or neither.
/// Use: <see cref="Operation{T}"/> to build the operations, <see cref="BeginAsync"/>, <see cref="ItemDoneAsync"/>
/// after each item, <see cref="CommitAsync"/> at the end of a step; disposing rolls back what is not committed.
/// </summary>
public sealed class ImportBatch(BayanDb db, ISearchIndex search, IContentChanges changes, IServiceProvider services) : IAsyncDisposable, IDisposable
{
    /// <summary>Items per commit: a larger batch saves little more, and keeps the database's write lock longer from other writers.</summary>
    public const int DefaultSize = 200;

    private readonly HeldSearchIndex heldSearch = new(search);
    private readonly HeldChanges heldChanges = new(changes, db);
    private readonly List<ImportLedger> ledgers = [];
    private IDbContextTransaction? transaction;
    private int items;

    public int Size { get; set; } = DefaultSize;

    /// <summary>Whether a batch is open: the operations' writes wait for its commit.</summary>
    public bool IsOpen => transaction is not null;

    /// <summary>
    /// An operation built as the services build it, whose search index and change announcements are held while a
    /// batch is open (outside a batch they act at once, as anywhere else).
    /// </summary>
    public T Operation<T>() where T : class
    {
        var wants = typeof(T).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToHashSet();
        object[] held = [.. new object[] { heldSearch, heldChanges }.Where(h => wants.Any(w => w.IsInstanceOfType(h)))];
        return ActivatorUtilities.CreateInstance<T>(services, held);
    }

    /// <summary>A ledger whose new rows wait for this batch: written just before it commits, forgotten if it rolls back.</summary>
    internal void Hold(ImportLedger ledger)
    {
        if (!ledgers.Contains(ledger))
            ledgers.Add(ledger);
    }

    /// <summary>Opens a batch (when none is).</summary>
    public async Task BeginAsync(CancellationToken ct)
    {
        if (transaction is not null)
            return;
        transaction = await db.Database.BeginTransactionAsync(ct);
        heldSearch.Holding = heldChanges.Holding = true;
        items = 0;
    }

    /// <summary>Counts an item written; a full batch is committed and the next one opened.</summary>
    public async Task ItemDoneAsync(CancellationToken ct)
    {
        if (transaction is null || ++items < Size)
            return;
        await CommitAsync(ct);
        await BeginAsync(ct);
    }

    /// <summary>Commits the open batch and opens the next: for a step that writes its items a batch at a time.</summary>
    public async Task NextAsync(CancellationToken ct)
    {
        await CommitAsync(ct);
        await BeginAsync(ct);
    }

    /// <summary>Commits the open batch: its releases updated in the search index in the same transaction, then its changes announced.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (transaction is null)
            return;
        foreach (var ledger in ledgers)
            await ledger.FlushAsync(ct);
        await heldSearch.FlushAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await EndAsync();
        db.ChangeTracker.Clear();
        await heldChanges.FlushAsync();
    }

    private async Task EndAsync()
    {
        await transaction!.DisposeAsync();
        transaction = null;
        heldSearch.Holding = heldChanges.Holding = false;
    }

    /// <summary>Rolls back what is not committed: nothing of the open batch stays, and nothing of it is announced.</summary>
    public async ValueTask DisposeAsync()
    {
        if (transaction is null)
            return;
        heldSearch.Forget();
        heldChanges.Forget();
        ledgers.ForEach(l => l.Forget());
        await EndAsync();
        db.ChangeTracker.Clear();
    }

    public void Dispose()
    {
        if (transaction is null)
            return;
        heldSearch.Forget();
        heldChanges.Forget();
        ledgers.ForEach(l => l.Forget());
        transaction.Dispose();
        transaction = null;
        heldSearch.Holding = heldChanges.Holding = false;
        db.ChangeTracker.Clear();
    }
}
