using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Webhooks;

/// <summary>
/// The deliveries waiting in the database, and how a node takes one: a conditional UPDATE that sets
/// its lease only where none is held, so among several nodes on one database exactly one claim of each
/// delivery goes through (PostgreSQL makes a second UPDATE of the row wait for the first and then
/// finds the condition false; SQLite writes one at a time). A node that dies while holding a lease
/// holds it until the lease ends; then another node sends the delivery.
/// </summary>
public static class DeliveryQueue
{
    /// <summary>
    /// Due, not held by anyone, to an endpoint that is on, and the first of its release still pending
    /// for that endpoint: deliveries of one release reach an endpoint in the order they were written,
    /// a later one waiting while an earlier one is retried.
    /// </summary>
    public static IQueryable<WebhookDelivery> Due(BayanDb db, DateTime now) =>
        db.WebhookDeliveries.Where(d =>
            d.Status == DeliveryStatus.Pending && d.DueAt <= now
            && (d.LeaseUntil == null || d.LeaseUntil < now)
            && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Enabled)
            && !db.WebhookDeliveries.Any(earlier => d.ReleaseId != null && earlier.ReleaseId == d.ReleaseId
                && earlier.EndpointId == d.EndpointId && earlier.Id < d.Id && earlier.Status == DeliveryStatus.Pending));

    /// <summary>Claims up to <paramref name="most"/> due deliveries for <paramref name="node"/> until <paramref name="until"/>; their ids, oldest first.</summary>
    public static async Task<List<long>> ClaimAsync(BayanDb db, DateTime now, DateTime until, string node, int most, CancellationToken ct)
    {
        var candidates = await Due(db, now).OrderBy(d => d.Id).Select(d => d.Id).Take(most).ToListAsync(ct);
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            // The same conditions again, in the statement that takes it: another node may have been faster.
            var taken = await Due(db, now).Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.LeasedBy, node), ct);
            if (taken == 1)
                claimed.Add(id);
        }
        return claimed;
    }
}
