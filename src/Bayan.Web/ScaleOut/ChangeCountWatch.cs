using Bayan.Changes;
using Bayan.Data;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// A node without Redis hears the changes it saves itself as they are saved, but not those another
/// process saves to the same database (`bayan site-dates`, `bayan hijri-month`, a second process, a
/// restore). It looks at the <see cref="ChangeCount"/> once a second, off every request's path, and
/// when someone else moved it, it drops everything it keeps: it cannot know what changed.
/// </summary>
internal sealed class ChangeCountWatch(IServiceScopeFactory scopes, ChangeCounter counter, TimeProvider clock, ILogger<ChangeCountWatch> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public override async Task StartAsync(CancellationToken ct)
    {
        // Where the count stands before the first page is served: a change after this is one to hear.
        await LookAsync(ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!stop.IsCancellationRequested)
                await LookAsync(stop);
        }
    }

    /// <summary>Looks once; true when another process's change was heard and handed to this node's listeners.</summary>
    public async Task<bool> LookAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await counter.MovedByOthersAsync(scope.ServiceProvider.GetRequiredService<BayanDb>(), ct))
                return false;
            var change = new ContentChange.Everything("a change saved by another process");
            foreach (var listener in scope.ServiceProvider.GetServices<IContentChangeListener>())
            {
                if (listener is not IPassesChangesOn)
                    await listener.ChangedAsync(change);
            }
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database away: pages already kept are served, and the next look tries again.
            log.LogDebug(e, "Looking for changes saved by other processes failed; looking again in {Interval}.", Interval);
            return false;
        }
    }
}
