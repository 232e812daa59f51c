using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Webhooks;

/// <summary>An endpoint as the list shows it: with how its latest delivery went.</summary>
public sealed record EndpointRow(WebhookEndpoint Endpoint, DeliveryStatus? LastStatus, DateTime? LastAt, int Waiting);

/// <summary>A delivery as the log shows it, with every try, newest first.</summary>
public sealed record DeliveryRow(
    long Id, string MessageId, string Type, DeliveryStatus Status, int Attempts, DateTime CreatedAt, DateTime DueAt, DateTime? DeliveredAt,
    string Payload, IReadOnlyList<WebhookAttempt> Tries);

/// <summary>Deliveries newest first; <see cref="Next"/> is the id to read on from (older ones), null on the last page.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryRow> Rows, long? Next);

/// <summary>An endpoint Bayan turned off by itself: the dashboard tells the administrators until someone turns it on again.</summary>
public sealed record DisabledEndpoint(int Id, string Url, DateTime At, string Reason, DateTime? FailingSince);

/// <summary>The reads of the back office's webhook pages and the API's: administrators only, as those check.</summary>
public sealed class WebhookQueries(BayanDb db)
{
    public const int LogLength = 50;

    public async Task<IReadOnlyList<EndpointRow>> ListAsync(CancellationToken ct) =>
        await RowsOf(db.WebhookEndpoints.OrderBy(e => e.Id)).ToListAsync(ct);

    /// <summary>One endpoint as the list shows it; null when there is none.</summary>
    public Task<EndpointRow?> RowAsync(int id, CancellationToken ct) =>
        RowsOf(db.WebhookEndpoints.Where(e => e.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Endpoints with their latest finished delivery and how many wait, in one query however many endpoints there are.</summary>
    private IQueryable<EndpointRow> RowsOf(IQueryable<WebhookEndpoint> endpoints) =>
        endpoints.AsNoTracking().Select(e => new
        {
            Endpoint = e,
            Last = db.WebhookDeliveries.Where(d => d.EndpointId == e.Id && d.Status != DeliveryStatus.Pending)
                .OrderByDescending(d => d.Id).Select(d => new { d.Status, At = d.DeliveredAt ?? d.DueAt }).FirstOrDefault(),
            Waiting = db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == DeliveryStatus.Pending),
        }).Select(r => new EndpointRow(r.Endpoint, r.Last == null ? null : r.Last.Status, r.Last == null ? null : r.Last.At, r.Waiting));

    public Task<WebhookEndpoint?> FindAsync(int id, CancellationToken ct) =>
        db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The endpoint's latest deliveries with their tries.</summary>
    public Task<IReadOnlyList<DeliveryRow>> LogAsync(int endpointId, CancellationToken ct) =>
        RowsAsync(db.WebhookDeliveries.Where(d => d.EndpointId == endpointId), LogLength, ct);

    /// <summary>
    /// A page of the endpoint's deliveries, newest first, older than the delivery <paramref name="before"/>
    /// when given; <see cref="DeliveryPage.Next"/> continues it. Null when there is no such endpoint.
    /// </summary>
    public async Task<DeliveryPage?> DeliveriesAsync(int endpointId, long? before, int limit, CancellationToken ct)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, ct))
            return null;
        var deliveries = db.WebhookDeliveries.Where(d => d.EndpointId == endpointId && (before == null || d.Id < before));
        // One more than asked tells whether another page follows.
        var rows = await RowsAsync(deliveries, limit + 1, ct);
        return rows.Count > limit ? new DeliveryPage([.. rows.Take(limit)], rows[limit - 1].Id) : new DeliveryPage(rows, null);
    }

    private async Task<IReadOnlyList<DeliveryRow>> RowsAsync(IQueryable<WebhookDelivery> deliveries, int take, CancellationToken ct)
    {
        var found = await deliveries.AsNoTracking().OrderByDescending(d => d.Id).Take(take)
            .Select(d => new { d.Id, d.Message.MessageId, d.Message.Type, d.Status, d.Attempts, d.CreatedAt, d.DueAt, d.DeliveredAt, d.Message.Payload })
            .ToListAsync(ct);
        var ids = found.Select(d => d.Id).ToList();
        var tries = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        return [.. found.Select(d => new DeliveryRow(
            d.Id, d.MessageId, d.Type, d.Status, d.Attempts, d.CreatedAt, d.DueAt, d.DeliveredAt, d.Payload,
            [.. tries[d.Id].OrderByDescending(a => a.At).ThenByDescending(a => a.Id)]))];
    }

    public async Task<IReadOnlyList<DisabledEndpoint>> DisabledAsync(CancellationToken ct) =>
        await db.WebhookEndpoints.AsNoTracking().Where(e => !e.Enabled && e.DisabledAt != null)
            .OrderBy(e => e.Id)
            .Select(e => new DisabledEndpoint(e.Id, e.Url, e.DisabledAt!.Value, e.DisabledReason ?? "webhook_disabled_failing", e.FailingSince))
            .ToListAsync(ct);
}
