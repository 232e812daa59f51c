using Bayan.Changes;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// Watches the link to Redis several times a second. A node cut off from Redis cannot hear other
/// nodes' changes, and they cannot hear its own: so when the link goes down it drops every copy it
/// keeps (and keeps new ones only briefly, see <see cref="FailoverPageStore"/>), and when the link
/// is back it drops everything again, on every node and in the shared store, since anything may
/// have changed meanwhile.
/// </summary>
internal sealed class RedisWatch(RedisLink link, ChangeSubscriber subscriber, FailoverPageStore store, IServiceScopeFactory scopes,
    ILogger<RedisWatch> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private int missedMessage;
    private long downSinceTicks;

    /// <summary>When the link went down; null while it is up.</summary>
    public DateTimeOffset? DownSince =>
        Interlocked.Read(ref downSinceTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>A change could not be told to the other nodes: they drop everything once they can hear again.</summary>
    public void MissedMessage() => Interlocked.Exchange(ref missedMessage, 1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Connecting blocks for up to the connect timeout when Redis is away: not in the way of the start.
        await Task.Yield();
        var wasUp = true;
        var failuresSeen = 0L;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var up = link.IsUp;
                if (up)
                    await subscriber.EnsureSubscribedAsync();
                // A connection lost and restored between two looks: a message published meanwhile,
                // by this node or another, may never have arrived, and nothing else would tell.
                var failures = link.Failures;
                var blipped = up && wasUp && failures != failuresSeen;
                if (up)
                    failuresSeen = failures;
                if (blipped)
                {
                    log.LogWarning("The connection to Redis was lost and restored: dropping every kept page on every node.");
                    await DropEverythingAsync("the connection to Redis was lost for a moment");
                }
                else if (up != wasUp)
                {
                    wasUp = up;
                    if (up)
                    {
                        Interlocked.Exchange(ref downSinceTicks, 0);
                        log.LogWarning("Redis is back: dropping every kept page on every node; pages are shared again.");
                    }
                    else
                    {
                        Interlocked.Exchange(ref downSinceTicks, DateTimeOffset.UtcNow.UtcTicks);
                        log.LogWarning("Redis cannot be reached: this node drops its copies and keeps pages in its own memory for {Seconds} s at most.",
                            FailoverPageStore.LocalLifetime.TotalSeconds);
                    }
                    await DropEverythingAsync(up ? "Redis is back" : "Redis cannot be reached");
                }
                else if (up && (store.TakeMissedEviction() | Interlocked.Exchange(ref missedMessage, 0) == 1))
                {
                    await DropEverythingAsync("a change was not shared while Redis was away");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Watching the link to Redis failed; trying again.");
            }
            // Real time even where tests move the site's clock by hand.
            await Task.Delay(Interval, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await subscriber.UnsubscribeAsync().ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Through the hub: this node's copies, the shared pages when Redis answers, and the other nodes.</summary>
    private async Task DropEverythingAsync(string reason)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IContentChanges>().SavedAsync(new ContentChange.Everything(reason));
    }
}
