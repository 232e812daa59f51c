using Bayan.Changes;
using Bayan.Data;
using Bayan.Dates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Sites;

/// <summary>
/// Keeps this process's <see cref="SiteSnapshot"/>: loaded on first use, dropped when a change to
/// the site, its offices, categories, tags or menus is announced, and loaded again by the next
/// request. A snapshot whose loading began before the change is never kept after it.
/// </summary>
public sealed class SiteSnapshots(IServiceScopeFactory scopes) : IContentChangeListener
{
    private readonly Lock gate = new();
    private long generation;
    private Loading? current;

    /// <param name="Generation">The count of changes heard when loading began.</param>
    private sealed record Loading(long Generation, Task<SiteSnapshot?> Snapshot)
    {
        // A failed load (the database away) is tried again, and a site not set up yet is looked for again.
        public bool Serves(long now) =>
            Generation == now && !Snapshot.IsFaulted && !Snapshot.IsCanceled
            && !(Snapshot.IsCompletedSuccessfully && Snapshot.Result is null);
    }

    public Task<SiteSnapshot?> CurrentAsync(CancellationToken ct)
    {
        var held = Volatile.Read(ref current);
        if (held is null || !held.Serves(Interlocked.Read(ref generation)))
        {
            lock (gate)
            {
                var now = Interlocked.Read(ref generation);
                held = current;
                if (held is null || !held.Serves(now))
                {
                    // The load serves every request, so it carries none of the one that started it (its logging scope, its trace).
                    using (ExecutionContext.SuppressFlow())
                        current = held = new Loading(now, Task.Run(LoadAsync, CancellationToken.None));
                }
            }
        }
        // Shared by every request waiting for it, so no single reader's leaving cancels the load.
        return held.Snapshot.IsCompleted ? held.Snapshot : held.Snapshot.WaitAsync(ct);
    }

    public ValueTask ChangedAsync(ContentChange change)
    {
        // A release's text or its comments are no part of the snapshot; everything else may be.
        if (change is ContentChange.Everything)
            Interlocked.Increment(ref generation);
        return ValueTask.CompletedTask;
    }

    private async Task<SiteSnapshot?> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Site.SingletonId);
        if (site is null)
            return null;
        var languages = await db.SiteLanguages.AsNoTracking().OrderBy(l => l.Position).ToListAsync();
        if (languages.Count == 0)
            return null;
        var offices = await db.Offices.AsNoTracking().Include(o => o.Names).Include(o => o.MonthStarts).AsSplitQuery()
            .OrderBy(o => o.Position).ThenBy(o => o.Code).ToListAsync();
        var categories = await db.Categories.AsNoTracking().Include(c => c.Names).AsSplitQuery().ToListAsync();
        var menu = await db.MenuItems.AsNoTracking().ToListAsync();
        var linkLists = await db.LinkLists.AsNoTracking().Include(l => l.Items).AsSplitQuery().ToListAsync();
        return new SiteSnapshot(site, languages, DateFormatter.FindZone(site.TimeZone),
            [.. offices.OrderBy(o => o.Position).ThenBy(o => o.Code, StringComparer.Ordinal)], categories, menu, linkLists);
    }
}
