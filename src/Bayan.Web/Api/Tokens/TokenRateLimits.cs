using System.Globalization;
using System.Threading.RateLimiting;
using Bayan.Operations;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// Each token may make Bayan:Api:RequestsPerMinute requests a minute (600 unless set), counted per
/// node; beyond that the answer is 429 with Retry-After and problem details. The windows follow the
/// application's clock, so they can be moved in tests rather than waited for.
/// </summary>
internal static class TokenRateLimits
{
    public const string Policy = "api-token";

    public static void AddTokenRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Bayan:Api:RequestsPerMinute", 600);
        builder.Services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(Policy, http => http.User.FindFirst(TokenAuthentication.TokenClaim)?.Value is { } token
                ? RateLimitPartition.Get(token, _ => new ClockWindowLimiter(http.RequestServices.GetRequiredService<TimeProvider>(), perMinute, TimeSpan.FromMinutes(1)))
                // Only a token's request gets here (the scope policies run first); anything else is not counted.
                : RateLimitPartition.GetNoLimiter("no token"));
            var others = limits.OnRejected;
            limits.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is not null)
                {
                    var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                    http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    await ApiProblems.Of(http, StatusCodes.Status429TooManyRequests, new Problem("api_auth_rate_limited", seconds)).ExecuteAsync(http);
                    return;
                }
                if (others is not null)
                    await others(context, ct);
            };
        });
    }
}

/// <summary>
/// A fixed-window limiter on a <see cref="TimeProvider"/>: the windows are whole minutes of that
/// clock. (The framework's own limiters keep time with timers of their own, which no test can move.)
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
            var index = now.UtcTicks / window.Ticks;
            if (index != currentWindow)
                (currentWindow, used) = (index, 0);
            if (used + permitCount <= permits)
            {
                used += permitCount;
                granted++;
                return WindowLease.Granted;
            }
            refused++;
            return new WindowLease(false, TimeSpan.FromTicks((index + 1) * window.Ticks - now.UtcTicks));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
