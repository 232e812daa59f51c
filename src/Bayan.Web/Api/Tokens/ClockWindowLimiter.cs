using System.Threading.RateLimiting;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// A fixed-window limiter on a <see cref="TimeProvider"/>: the windows are whole minutes of that
/// clock. (The framework's own limiters keep time with timers of their own, which no test can move.)
/// It counts on this node alone: one node's limit, or every node's while Redis is away.
/// </summary>
internal sealed class ClockWindowLimiter(TimeProvider clock, int permits, TimeSpan window) : RateLimiter
{
    private readonly Lock gate = new();
    private long currentWindow = -1;
    private int used;
    private long granted;
    private long refused;
    private DateTimeOffset lastUse;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var idle = clock.GetUtcNow() - lastUse;
                return idle > window ? idle : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (gate)
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - used), TotalSuccessfulLeases = granted, TotalFailedLeases = refused };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            lastUse = now;
            var index = WindowLease.Index(now, window);
            if (index != currentWindow)
                (currentWindow, used) = (index, 0);
            if (used + permitCount <= permits)
            {
                used += permitCount;
                granted++;
                return WindowLease.Granted;
            }
            refused++;
            return WindowLease.Refused(now, index, window);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}

/// <summary>A window limiter's answer: granted, or refused with the time until the next window (Retry-After).</summary>
internal sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly WindowLease Granted = new(true, null);

    /// <summary>Which window <paramref name="now"/> falls in: the same number on every node whose clock agrees.</summary>
    public static long Index(DateTimeOffset now, TimeSpan window) => now.UtcTicks / window.Ticks;

    public static WindowLease Refused(DateTimeOffset now, long index, TimeSpan window) =>
        new(false, TimeSpan.FromTicks((index + 1) * window.Ticks - now.UtcTicks));

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
