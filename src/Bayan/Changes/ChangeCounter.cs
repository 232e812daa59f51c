using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Changes;

/// <summary>
/// This process's side of <see cref="ChangeCount"/>: it moves the count for each change the process
/// announces, remembering the values it made, and it tells whether anyone else moved the count since
/// it last looked (another process's change, or a restore, which may even move it back).
/// </summary>
public sealed class ChangeCounter
{
    // Held while the count is moved and while it is looked at, so a look never finds a value this
    // process made but has not noted yet (and takes it for someone else's).
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SortedSet<long> mine = [];
    private long? seen;

    /// <summary>Moves the count by one, after a change this process announces.</summary>
    public async Task MoveAsync(BayanDb db)
    {
        await gate.WaitAsync();
        try
        {
            mine.Add(await IncrementAsync(db));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Whether the count moved since the last look by more than this process moved it. The first look
    /// only notes where the count stands.
    /// </summary>
    public async Task<bool> MovedByOthersAsync(BayanDb db, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var now = await db.ChangeCounts.AsNoTracking().Where(c => c.Id == ChangeCount.SingletonId)
                .Select(c => (long?)c.Value).FirstOrDefaultAsync(ct) ?? 0;
            var before = seen;
            seen = now;
            var mineBetween = before is { } b ? mine.GetViewBetween(b + 1, Math.Max(b + 1, now)).Count : 0;
            mine.RemoveWhere(v => v <= now);
            if (before is not { } last || now == last)
                return false;
            // Every step between the two looks was this process's own, or someone else's (or a restore's).
            return now < last || mineBetween != now - last;
        }
        finally
        {
            gate.Release();
        }
    }

    // Both SQLite (3.35+) and PostgreSQL understand this upsert with RETURNING; the first change makes the row.
    private static async Task<long> IncrementAsync(BayanDb db) =>
        (await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO "ChangeCounts" ("Id", "Value") VALUES (1, 1)
            ON CONFLICT ("Id") DO UPDATE SET "Value" = "ChangeCounts"."Value" + 1
            RETURNING "Value"
            """).ToListAsync()).Single();
}

/// <summary>Moves the <see cref="ChangeCount"/> for every change announced in this process.</summary>
internal sealed class ChangeCountMove(BayanDb db, ChangeCounter counter) : IContentChangeListener, IPassesChangesOn
{
    public async ValueTask ChangedAsync(ContentChange change) => await counter.MoveAsync(db);
}
