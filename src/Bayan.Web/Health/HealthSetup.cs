using Bayan.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bayan.Web.Health;

internal static class HealthSetup
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    /// <summary>/health: 200 "Healthy" when the site can serve, 503 otherwise.</summary>
    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/health");
}

internal sealed class DatabaseHealthCheck(BayanDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
