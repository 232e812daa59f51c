using Bayan.Accounts;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bayan.Publishing;

/// <summary>
/// Publishes scheduled releases at their time without waiting for a request. It sleeps until the
/// next release is due (looking again at least every few seconds, since another node or an editor
/// may schedule one meanwhile), so a release is public within a second of its time. The schedule
/// lives in the database, so it survives restarts.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> log) : BackgroundService
{
    private static readonly TimeSpan LongestNap = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TimeSpan nap;
            try
            {
                nap = await PublishDueAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Publishing scheduled releases failed; trying again shortly.");
                nap = LongestNap;
            }
            await Task.Delay(nap, clock, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Publishes what is due and says how long to sleep until the next one.</summary>
    public async Task<TimeSpan> PublishDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Releases.Where(r => r.Status == ReleaseStatus.Scheduled && r.PublishAt <= now)
            .OrderBy(r => r.PublishAt).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            using var publishing = scopes.CreateScope();
            await publishing.ServiceProvider.GetRequiredService<PublishRelease>().RunAsync(Actor.System("scheduler"), id, ct);
        }
        var next = await db.Releases.Where(r => r.Status == ReleaseStatus.Scheduled)
            .OrderBy(r => r.PublishAt).Select(r => r.PublishAt).FirstOrDefaultAsync(ct);
        if (next is not { } at)
            return LongestNap;
        var wait = at - clock.GetUtcNow().UtcDateTime;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < LongestNap ? wait : LongestNap;
    }
}
