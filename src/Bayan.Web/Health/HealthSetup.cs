using Bayan.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bayan.Web.Health;

internal static class HealthSetup
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    /// <summary>
    /// /health: 200 "Healthy" when the site can serve; 200 "Degraded" when it serves with less (e.g.
    /// without Redis) and 503 "Unhealthy" when it cannot, each followed by one line per check with its reason.
    /// </summary>
    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/health", new HealthCheckOptions
    {
        ResponseWriter = (http, report) =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            if (report.Status == HealthStatus.Healthy)
                return http.Response.WriteAsync("Healthy");
            var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } why ? " - " + why : "")}");
            return http.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n");
        },
    });
}

internal sealed class DatabaseHealthCheck(BayanDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
