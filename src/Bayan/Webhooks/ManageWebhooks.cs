using System.Net;
using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bayan.Webhooks;

/// <summary>What an administrator fills in for an endpoint; <paramref name="Enabled"/> null leaves it on or off as it is.</summary>
public sealed record WebhookForm(int? Id, string? Url, string? Description, IReadOnlyList<string> Events, int? OfficeId, string? Language, bool? Enabled = null);

/// <summary>
/// The administrators' operations on webhook endpoints: register and change one, rotate its secret,
/// ping it, turn it off and on, remove it, and send a delivery again. A new secret is returned once;
/// Bayan shows it only then, and keeps it encrypted (<see cref="WebhookSecretVault"/>). Every change
/// moves the endpoint's <see cref="WebhookEndpoint.Revision"/>.
/// </summary>
public sealed class ManageWebhooks(
    BayanDb db, TimeProvider clock, WebhookEvents events, WebhookWake wake, WebhookSecretVault vault, IOptions<WebhookOptions> options)
{
    /// <summary>The longest overlap a rotation may give the former secret.</summary>
    public static readonly TimeSpan LongestOverlap = TimeSpan.FromDays(30);

    /// <summary>
    /// Creates (Id null) or changes an endpoint; a new one comes with its secret. A change based on
    /// <paramref name="expectedRevision"/> is refused (<see cref="Outcome.Stale"/>) if the endpoint has moved on since.
    /// </summary>
    public async Task<(Outcome Outcome, string? Secret)> SaveAsync(Actor actor, WebhookForm form, CancellationToken ct, int? expectedRevision = null)
    {
        if (!actor.CanManageSite)
            return (new Outcome.Forbidden(), null);
        var endpoint = form.Id is { } id ? await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct) : null;
        if (form.Id is not null && endpoint is null)
            return (new Outcome.NotFound(), null);
        var errors = await CheckAsync(form, ct);
        if (errors.Count > 0)
            return (new Outcome.Invalid(errors), null);

        var now = clock.GetUtcNow().UtcDateTime;
        string? secret = null;
        if (endpoint is null)
        {
            secret = WebhookSecret.New();
            endpoint = new WebhookEndpoint { Url = "", Secret = vault.Protect(secret), CreatedAt = now, Revision = 1 };
            db.WebhookEndpoints.Add(endpoint);
        }
        endpoint.Url = form.Url!.Trim();
        endpoint.Description = form.Description?.Trim() ?? "";
        endpoint.Events = string.Join(' ', WebhookEventTypes.Chosen.Where(form.Events.Contains));
        endpoint.OfficeId = form.OfficeId;
        endpoint.Language = string.IsNullOrEmpty(form.Language) ? null : form.Language;
        endpoint.UpdatedAt = now;
        var switched = form.Enabled is { } enabled && enabled != endpoint.Enabled;
        if (switched)
            Switch(endpoint, form.Enabled!.Value, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (secret is null && !await MoveRevisionAsync(endpoint.Id, expectedRevision, ct))
            return (await StaleAsync(endpoint.Id, ct), null);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, now, actor.Name, secret is null ? "webhook.changed" : "webhook.created", $"webhook:{endpoint.Id}", $"{endpoint.Url}: {endpoint.Events}");
        if (switched)
            AuditLog.Record(db, now, actor.Name, endpoint.Enabled ? "webhook.enabled" : "webhook.disabled", $"webhook:{endpoint.Id}", endpoint.Url);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (switched)
            wake.Wake();
        return (new Outcome.Done(endpoint.Id, new Problem(secret is null ? "webhook_saved" : "webhook_created")), secret);
    }

    /// <summary>
    /// Gives the endpoint a new secret. For <paramref name="overlap"/> the former one signs too, so a
    /// receiver can change over without losing a delivery; then it is dropped. Zero drops it at once.
    /// </summary>
    public async Task<(Outcome Outcome, string? Secret)> RotateSecretAsync(Actor actor, int id, TimeSpan overlap, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return (new Outcome.Forbidden(), null);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
            return (new Outcome.NotFound(), null);
        if (overlap < TimeSpan.Zero || overlap > LongestOverlap)
            return (new Outcome.Invalid(new Dictionary<string, Problem> { ["overlap"] = new("webhook_overlap_invalid", (int)LongestOverlap.TotalDays) }), null);
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSecret.New();
        endpoint.PreviousSecret = overlap > TimeSpan.Zero ? endpoint.Secret : null;
        endpoint.PreviousSecretUntil = overlap > TimeSpan.Zero ? now + overlap : null;
        endpoint.Secret = vault.Protect(secret);
        endpoint.UpdatedAt = now;
        AuditLog.Record(db, now, actor.Name, "webhook.secret-rotated", $"webhook:{endpoint.Id}", $"{endpoint.Url}: former secret signs for {overlap}");
        await MoveRevisionAsync(endpoint.Id, null, ct);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(endpoint.Id, new Problem("webhook_rotated")), secret);
    }

    /// <summary>Sends the endpoint a `ping` event, whatever events it takes.</summary>
    public async Task<Outcome> PingAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
            return new Outcome.NotFound();
        if (!endpoint.Enabled)
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["endpoint"] = new("webhook_is_off") });
        events.Ping(endpoint);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "webhook.pinged", $"webhook:{endpoint.Id}", endpoint.Url);
        await db.SaveChangesAsync(ct);
        wake.Wake();
        return new Outcome.Done(endpoint.Id, new Problem("webhook_ping_queued"));
    }

    /// <summary>Sends a delivery of the endpoint again, whatever became of it, with the same `webhook-id`; its retries start afresh.</summary>
    public async Task<Outcome> SendAgainAsync(Actor actor, int endpointId, long deliveryId, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct);
        if (delivery is null)
            return new Outcome.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Status = DeliveryStatus.Pending;
        delivery.DueAt = now;
        delivery.FirstAttemptAt = null;
        delivery.DeliveredAt = null;
        AuditLog.Record(db, now, actor.Name, "webhook.resent", $"webhook:{delivery.EndpointId}", $"delivery {delivery.Id}");
        await db.SaveChangesAsync(ct);
        wake.Wake();
        var on = await db.WebhookEndpoints.AnyAsync(e => e.Id == delivery.EndpointId && e.Enabled, ct);
        return new Outcome.Done(delivery.EndpointId, new Problem(on ? "webhook_resend_queued" : "webhook_resend_waits"));
    }

    /// <summary>Turns an endpoint off or on. On again, its failing is forgotten and the dashboard's notice goes.</summary>
    public async Task<Outcome> SetEnabledAsync(Actor actor, int id, bool enabled, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
            return new Outcome.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        Switch(endpoint, enabled, now);
        AuditLog.Record(db, now, actor.Name, enabled ? "webhook.enabled" : "webhook.disabled", $"webhook:{endpoint.Id}", endpoint.Url);
        await MoveRevisionAsync(endpoint.Id, null, ct);
        await db.SaveChangesAsync(ct);
        wake.Wake();
        return new Outcome.Done(endpoint.Id, new Problem(enabled ? "webhook_turned_on" : "webhook_turned_off"));
    }

    /// <summary>Removes the endpoint with its deliveries and their log.</summary>
    public async Task<Outcome> DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
            return new Outcome.NotFound();
        db.WebhookEndpoints.Remove(endpoint);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "webhook.deleted", $"webhook:{endpoint.Id}", endpoint.Url);
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(endpoint.Id, new Problem("webhook_deleted"));
    }

    /// <summary>On or off by hand: its failing is forgotten, and with it the dashboard's notice.</summary>
    private static void Switch(WebhookEndpoint endpoint, bool enabled, DateTime now)
    {
        endpoint.Enabled = enabled;
        endpoint.FailingSince = null;
        endpoint.DisabledAt = null;
        endpoint.DisabledReason = null;
        endpoint.UpdatedAt = now;
    }

    /// <summary>
    /// Moves the revision by one in the database itself, so two changes at once move it twice; from
    /// <paramref name="from"/> only, when the caller named the revision it saw (false: it moved meanwhile).
    /// Inside a transaction the row stays locked until the change is saved, so of two changes based on
    /// one revision, one goes through.
    /// </summary>
    private async Task<bool> MoveRevisionAsync(int id, int? from, CancellationToken ct) =>
        await db.WebhookEndpoints.Where(e => e.Id == id && (from == null || e.Revision == from))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Revision, e => e.Revision + 1), ct) == 1;

    private async Task<Outcome> StaleAsync(int id, CancellationToken ct) =>
        new Outcome.Stale(await db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.Revision).FirstOrDefaultAsync(ct));

    private async Task<Dictionary<string, Problem>> CheckAsync(WebhookForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, Problem>();
        var url = form.Url?.Trim() ?? "";
        if (url.Length == 0 || url.Length > Limits.Url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
            errors["url"] = new Problem("webhook_url_invalid");
        else if (!options.Value.AllowPrivateAddresses && !MayBePublic(uri))
            errors["url"] = new Problem("webhook_url_private");
        if ((form.Description?.Trim().Length ?? 0) > Limits.Title)
            errors["description"] = new Problem("edit_too_long", Limits.Title);
        if (form.Events.Count == 0 || form.Events.Any(e => !WebhookEventTypes.Chosen.Contains(e)))
            errors["events"] = new Problem("webhook_events_required");
        if (form.OfficeId is { } office && !await db.Offices.AnyAsync(o => o.Id == office, ct))
            errors["office"] = new Problem("webhook_office_unknown");
        if (!string.IsNullOrEmpty(form.Language) && !await db.SiteLanguages.AnyAsync(l => l.Code == form.Language, ct))
            errors["language"] = new Problem("edit_language_unknown", form.Language);
        return errors;
    }

    /// <summary>
    /// What can be told from the address alone: a written-out private address or "localhost" is refused
    /// at once. A name is judged when a delivery resolves it (<see cref="WebhookHttp"/>).
    /// </summary>
    private static bool MayBePublic(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? AddressRules.IsPublic(IPAddress.Parse(uri.Host.Trim('[', ']')))
            : !uri.IsLoopback && !uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
              && !uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
