using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// Degraded, not unhealthy, without Redis: the node still serves every page, only from its own
/// memory and without hearing other nodes' changes at once, so a balancer should keep sending readers.
/// </summary>
internal sealed class RedisHealthCheck(RedisLink link, RedisWatch watch) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(link.IsUp
            ? HealthCheckResult.Healthy("Redis answers: pages, change messages and sign-in keys are shared with the other nodes.")
            : HealthCheckResult.Degraded(
                $"Redis cannot be reached{Since(watch.DownSince)}: this node serves pages from its own memory, " +
                $"keeps each for {FailoverPageStore.LocalLifetime.TotalSeconds:0} s at most and does not hear other nodes' changes; " +
                "it reconnects by itself."));

    private static string Since(DateTimeOffset? at) => at is { } time ? $" (since {time:u})" : "";
}
