using System.Threading.RateLimiting;
using Bayan.Web.ScaleOut;
using StackExchange.Redis;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// Among several nodes (ConnectionStrings:Redis set) each token's requests are counted in Redis, one
/// counter per token and window, so that the nodes together allow a token its limit once rather than
/// once each. The windows are numbered by the application's clock, as <see cref="ClockWindowLimiter"/>'s
/// are: every node whose clock agrees counts in the same key, and tests move the clock instead of waiting.
/// </summary>
internal sealed class SharedTokenCounts(RedisLink link, string prefix, ILogger<SharedTokenCounts> log)
{
    // The count and its expiry in one step: a node that died between the two could otherwise leave a
    // counter that never expires.
    private const string CountScript = """
        local used = redis.call('INCRBY', KEYS[1], ARGV[1])
        if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
        return used
        """;

    private int away;

    /// <summary>The token's count in window number <paramref name="window"/> once <paramref name="permits"/> are added; null when Redis cannot be asked now.</summary>
    public async Task<long?> AddAsync(string token, long window, TimeSpan length, int permits)
    {
        var redis = link.Multiplexer;
        if (!redis.IsConnected)
        {
            Away(null);
            return null;
        }
        try
        {
            // A counter is needed only while its window lasts; it is kept for two, since Redis's own clock
            // need not agree with the application's to the second.
            var used = (long)await redis.GetDatabase().ScriptEvaluateAsync(CountScript,
                [$"{prefix}:token-requests:{token}:{window}"], [permits, (long)Math.Ceiling(length.TotalSeconds * 2)]);
            if (Interlocked.Exchange(ref away, 0) == 1)
                log.LogWarning("Redis answers again: tokens' requests are counted across all nodes again.");
            return used;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Away(e);
            return null;
        }
    }

    /// <summary>Said once when Redis goes away, not at every request while it stays away.</summary>
    private void Away(Exception? e)
    {
        if (Interlocked.Exchange(ref away, 1) == 0)
            log.LogWarning(e, "Redis cannot be reached: each node counts tokens' requests on its own until it answers, so a token may make its limit's worth on every node meanwhile.");
    }
}

/// <summary>
/// One token's limiter among several nodes: its count lives in <see cref="SharedTokenCounts"/>. When
/// Redis cannot be reached the limiter fails open to counting on this node alone: the API keeps
/// answering (refusing every request because a counter is away would take the API down with Redis),
/// and a token still gets no more than its limit from each node.
/// </summary>
/// <param name="alone">The same limit counted on this node, for the times Redis is away.</param>
internal sealed class SharedWindowLimiter(SharedTokenCounts counts, string token, TimeProvider clock, int permits, TimeSpan window, ClockWindowLimiter alone)
    : RateLimiter
{
    /// <summary>
    /// "Not decided here": ASP.NET Core's rate-limiting middleware first tries AttemptAcquire, which may
    /// not wait, and when that is not granted waits on AcquireAsync. Asking Redis means waiting, so every
    /// request is sent on to <see cref="AcquireAsyncCore"/>. Without Retry-After it is never taken for a refusal.
    /// </summary>
    private static readonly RateLimitLease Undecided = new WindowLease(false, null);

    private long lastUseTicks;
    private long lastCount;
    private long granted;
    private long refused;

    public override TimeSpan? IdleDuration
    {
        get
        {
            var idle = clock.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref lastUseTicks), TimeSpan.Zero);
            return idle > window ? idle : null;
        }
    }

    public override RateLimiterStatistics GetStatistics() => new()
    {
        CurrentAvailablePermits = Math.Max(0, permits - Interlocked.Read(ref lastCount)),
        TotalSuccessfulLeases = Interlocked.Read(ref granted),
        TotalFailedLeases = Interlocked.Read(ref refused),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref lastUseTicks, clock.GetUtcNow().UtcTicks);
        return Undecided;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref lastUseTicks, now.UtcTicks);
        var index = WindowLease.Index(now, window);
        if (await counts.AddAsync(token, index, window, permitCount) is not { } used)
            return alone.AttemptAcquire(permitCount);
        Interlocked.Exchange(ref lastCount, used);
        if (used <= permits)
        {
            Interlocked.Increment(ref granted);
            return WindowLease.Granted;
        }
        Interlocked.Increment(ref refused);
        return WindowLease.Refused(now, index, window);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            alone.Dispose();
        base.Dispose(disposing);
    }
}
