using Bayan.Audit;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bayan.Webhooks;

/// <summary>
/// Sends the deliveries the outbox holds, in the background of every node: it claims what is due
/// (<see cref="DeliveryQueue"/>), sends each endpoint's share in turn while endpoints are served side
/// by side, and writes down how each try went, retrying failures on the <see cref="RetrySchedule"/>
/// for <see cref="WebhookOptions.RetryFor"/> and turning off an endpoint failing for
/// <see cref="WebhookOptions.DisableAfter"/>. It sleeps a second when nothing is due, unless woken.
/// </summary>
public sealed class WebhookSender(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> settings, WebhookHttp http, WebhookWake wake,
    WebhookSecretVault vault, ILogger<WebhookSender> log) : BackgroundService
{
    private static readonly TimeSpan Nap = TimeSpan.FromSeconds(1);
    private const int Batch = 20;

    /// <summary>Names this process in the leases it holds.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private WebhookOptions Options => settings.Value;

    /// <summary>Messages older than this, with nothing left to send, are removed with their deliveries and log.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    private DateTime? lastCleared;

    /// <summary>How long a claim holds: the longest a try may take, twice, and a margin to write down how it went.</summary>
    private TimeSpan Lease => Options.Timeout * 2 + TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!Options.Send)
            return;
        while (!stop.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sending webhooks failed; trying again shortly.");
            }
            if (sent == 0)
                await wake.WaitAsync(Nap, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Claims and sends what is due now; how many deliveries were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<(WebhookDelivery Delivery, WebhookEndpoint Endpoint)> work;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            await ClearOldAsync(db, now, ct);
            var claimed = await DeliveryQueue.ClaimAsync(db, now, now + Lease, Node, Batch, ct);
            if (claimed.Count == 0)
                return 0;
            var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Message)
                .Where(d => claimed.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
            var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
            var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            // An endpoint removed meanwhile took its deliveries with it.
            work = [.. deliveries.Where(d => endpoints.ContainsKey(d.EndpointId)).Select(d => (d, endpoints[d.EndpointId]))];
        }
        // One endpoint's deliveries one after the other (a slow one holds up only itself), endpoints side by side.
        await Task.WhenAll(work.GroupBy(w => w.Endpoint.Id).Select(async group =>
        {
            foreach (var (delivery, endpoint) in group)
                await DeliverAsync(delivery, endpoint, ct);
        }));
        return work.Count;
    }

    /// <summary>Once an hour: the log keeps a month.</summary>
    private async Task ClearOldAsync(BayanDb db, DateTime now, CancellationToken ct)
    {
        if (lastCleared is { } last && now - last < TimeSpan.FromHours(1) && now >= last)
            return;
        lastCleared = now;
        // A former secret whose overlap has ended is dropped, not kept for ever. Tidying only: signing
        // already leaves it out once its time is up (WebhookSignature.SecretsOf), so once an hour is enough.
        var ended = db.WebhookEndpoints.Where(e => e.PreviousSecretUntil != null && e.PreviousSecretUntil <= now);
        if (await ended.AnyAsync(ct))
            await ended.ExecuteUpdateAsync(s => s.SetProperty(e => e.PreviousSecret, (string?)null).SetProperty(e => e.PreviousSecretUntil, (DateTime?)null), ct);
        var before = now - KeepFor;
        var old = db.WebhookMessages.Where(m => m.CreatedAt < before
            && !db.WebhookDeliveries.Any(d => d.WebhookMessageId == m.Id && d.Status == DeliveryStatus.Pending));
        if (await old.AnyAsync(ct))
            await old.ExecuteDeleteAsync(ct);
    }

    private async Task DeliverAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        // A secret these keys cannot read (keys lost, or a node not sharing them) fails the try, said in the log: never an unsigned request.
        var secrets = vault.TryOpen(WebhookSignature.SecretsOf(endpoint, at.UtcDateTime));
        if (secrets is null)
            log.LogWarning("The signing secret of the webhook endpoint {Url} cannot be read with this server's Data Protection keys; rotate it.", endpoint.Url);
        var result = secrets is null
            ? new AttemptResult(null, 0, null, "webhook_error_secret", null)
            : await DeliveryAttempt.SendAsync(http.Client, endpoint.Url, delivery.Message, secrets, at, Options.Timeout, ct);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        await RecordAsync(db, delivery, result, at.UtcDateTime, ct);
    }

    /// <summary>Writes the try to the log and the delivery's new state, and what it means for the endpoint; in one transaction.</summary>
    private async Task RecordAsync(BayanDb db, WebhookDelivery delivery, AttemptResult result, DateTime at, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var first = delivery.FirstAttemptAt ?? at;
        var attempts = delivery.Attempts + 1;
        var givingUp = !result.Succeeded && (result.Gone || now - first >= Options.RetryFor);
        var status = result.Succeeded ? DeliveryStatus.Delivered : givingUp ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        var due = result.Succeeded || givingUp ? delivery.DueAt : now + RetrySchedule.After(attempts, Random.Shared.NextDouble(), result.RetryAfter);
        DateTime? delivered = result.Succeeded ? now : null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeasedBy == Node && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.FirstAttemptAt, first)
                .SetProperty(d => d.DueAt, due)
                .SetProperty(d => d.DeliveredAt, delivered)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.LeasedBy, (string?)null), ct);
        // The lease ran out and another node took the delivery over (or an administrator changed it): its word counts.
        if (updated == 0)
            return;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id, At = at, StatusCode = result.StatusCode, DurationMs = result.DurationMs, Answer = result.Answer, Error = result.Error,
        });
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
        if (endpoint is not null)
            Judge(db, endpoint, result, at, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>An answer clears the endpoint's failing; a long failing, or 410 Gone, turns it off and leaves a notice for the administrators.</summary>
    private void Judge(BayanDb db, WebhookEndpoint endpoint, AttemptResult result, DateTime at, DateTime now)
    {
        if (result.Succeeded)
        {
            endpoint.FailingSince = null;
            return;
        }
        endpoint.FailingSince ??= at;
        string? reason = result.Gone ? "webhook_disabled_gone"
            : now - endpoint.FailingSince >= Options.DisableAfter ? "webhook_disabled_failing"
            : null;
        if (reason is null || !endpoint.Enabled)
            return;
        endpoint.Enabled = false;
        endpoint.DisabledAt = now;
        endpoint.DisabledReason = reason;
        endpoint.UpdatedAt = now;
        endpoint.Revision++;
        AuditLog.Record(db, now, "webhooks", "webhook.disabled", $"webhook:{endpoint.Id}", $"{endpoint.Url} ({reason})");
        log.LogWarning("The webhook endpoint {Url} was turned off: {Reason}.", endpoint.Url, reason);
    }
}
