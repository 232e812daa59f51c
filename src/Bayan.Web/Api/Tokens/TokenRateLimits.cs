using System.Globalization;
using System.Threading.RateLimiting;
using Bayan.Operations;
using Bayan.Web.ScaleOut;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// Each token may make Bayan:Api:RequestsPerMinute requests a minute (600 unless set); beyond that the
/// answer is 429 with Retry-After and problem details. One node counts in its memory; several nodes
/// (Redis configured) count in Redis, so the limit holds across all of them (<see cref="SharedWindowLimiter"/>).
/// The windows follow the application's clock, so they can be moved in tests rather than waited for.
/// </summary>
internal static class TokenRateLimits
{
    public const string Policy = "api-token";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static void AddTokenRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Bayan:Api:RequestsPerMinute", 600);
        if (RedisSettings.Read(builder.Configuration) is not null)
        {
            var prefix = RedisSettings.ReadPrefix(builder.Configuration);
            builder.Services.AddSingleton(services => new SharedTokenCounts(
                services.GetRequiredService<RedisLink>(), prefix, services.GetRequiredService<ILogger<SharedTokenCounts>>()));
        }
        builder.Services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(Policy, http => http.User.FindFirst(TokenAuthentication.TokenClaim)?.Value is { } token
                ? RateLimitPartition.Get(token, _ => LimiterFor(http.RequestServices, token, perMinute))
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

    private static RateLimiter LimiterFor(IServiceProvider services, string token, int perMinute)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        return services.GetService<SharedTokenCounts>() is { } shared
            ? new SharedWindowLimiter(shared, token, clock, perMinute, Window, new ClockWindowLimiter(clock, perMinute, Window))
            : new ClockWindowLimiter(clock, perMinute, Window);
    }
}
