using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Webhooks;

/// <summary>An endpoint as the list shows it: with how its latest delivery went.</summary>
public sealed record EndpointRow(WebhookEndpoint Endpoint, DeliveryStatus? LastStatus, DateTime? LastAt, int Waiting);

/// <summary>A delivery as the log shows it, with every try, newest first.</summary>
public sealed record DeliveryRow(
    long Id, string MessageId, string Type, DeliveryStatus Status, int Attempts, DateTime CreatedAt, DateTime DueAt, DateTime? DeliveredAt,
    string Payload, IReadOnlyList<WebhookAttempt> Tries);

/// <summary>An endpoint Bayan turned off by itself: the dashboard tells the administrators until someone turns it on again.</summary>
public sealed record DisabledEndpoint(int Id, string Url, DateTime At, string Reason, DateTime? FailingSince);

/// <summary>The reads of the back office's webhook pages: administrators only, as the pages check.</summary>
public sealed class WebhookQueries(BayanDb db)
{
    public const int LogLength = 50;

    public async Task<IReadOnlyList<EndpointRow>> ListAsync(CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var rows = new List<EndpointRow>();
        foreach (var endpoint in endpoints)
        {
            var last = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint.Id && d.Status != DeliveryStatus.Pending)
                .OrderByDescending(d => d.Id).Select(d => new { d.Status, d.DeliveredAt, d.DueAt }).FirstOrDefaultAsync(ct);
            var waiting = await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpoint.Id && d.Status == DeliveryStatus.Pending, ct);
            rows.Add(new EndpointRow(endpoint, last?.Status, last?.DeliveredAt ?? last?.DueAt, waiting));
        }
        return rows;
    }

    public Task<WebhookEndpoint?> FindAsync(int id, CancellationToken ct) =>
        db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The endpoint's latest deliveries with their tries.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> LogAsync(int endpointId, CancellationToken ct)
    {
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.Id).Take(LogLength)
            .Select(d => new { d.Id, d.Message.MessageId, d.Message.Type, d.Status, d.Attempts, d.CreatedAt, d.DueAt, d.DeliveredAt, d.Message.Payload })
            .ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var tries = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        return [.. deliveries.Select(d => new DeliveryRow(
            d.Id, d.MessageId, d.Type, d.Status, d.Attempts, d.CreatedAt, d.DueAt, d.DeliveredAt, d.Payload,
            [.. tries[d.Id].OrderByDescending(a => a.At).ThenByDescending(a => a.Id)]))];
    }

    public async Task<IReadOnlyList<DisabledEndpoint>> DisabledAsync(CancellationToken ct) =>
        await db.WebhookEndpoints.AsNoTracking().Where(e => !e.Enabled && e.DisabledAt != null)
            .OrderBy(e => e.Id)
            .Select(e => new DisabledEndpoint(e.Id, e.Url, e.DisabledAt!.Value, e.DisabledReason ?? "webhook_disabled_failing", e.FailingSince))
            .ToListAsync(ct);
}
