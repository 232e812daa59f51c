using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bayan.Webhooks;

/// <summary>
/// At start, encrypts the endpoint secrets an earlier Bayan kept in plain text, so nothing a user saved
/// is lost and none stays readable in the database. Each is replaced only if it is still the plain one
/// (a conditional UPDATE), so nodes starting together do it once between them. Until then, and if this
/// fails (the database away at start), a plain secret simply keeps signing (<see cref="WebhookSecretVault.IsPlain"/>).
/// </summary>
public sealed class ProtectPlainSecrets(IServiceScopeFactory scopes, ILogger<ProtectPlainSecrets> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var count = await RunAsync(scope.ServiceProvider.GetRequiredService<BayanDb>(), scope.ServiceProvider.GetRequiredService<WebhookSecretVault>(), ct);
            if (count > 0)
                log.LogInformation("Encrypted {Count} webhook secrets kept in plain text by an earlier version.", count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The webhook secrets kept in plain text could not be encrypted now; they keep signing, and the next start tries again.");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>How many secrets (current or former) it encrypted.</summary>
    public static async Task<int> RunAsync(BayanDb db, WebhookSecretVault vault, CancellationToken ct)
    {
        var plain = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Secret.StartsWith(WebhookSecret.Prefix) || (e.PreviousSecret != null && e.PreviousSecret.StartsWith(WebhookSecret.Prefix)))
            .Select(e => new { e.Id, e.Secret, e.PreviousSecret }).ToListAsync(ct);
        var count = 0;
        foreach (var endpoint in plain)
        {
            if (WebhookSecretVault.IsPlain(endpoint.Secret))
            {
                var encrypted = vault.Protect(endpoint.Secret);
                count += await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.Secret == endpoint.Secret)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Secret, encrypted), ct);
            }
            if (endpoint.PreviousSecret is { } previous && WebhookSecretVault.IsPlain(previous))
            {
                var encrypted = vault.Protect(previous);
                count += await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.PreviousSecret == previous)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.PreviousSecret, encrypted), ct);
            }
        }
        return count;
    }
}
