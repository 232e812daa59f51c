using System.Security.Cryptography;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Webhooks;

/// <summary>
/// Where the library's write operations tell of events. Each call adds the event's message and one
/// delivery per endpoint that wants it to the unit of work: they are saved with the change that caused
/// them, in the same transaction, or not at all (the outbox). Nothing is sent here; the
/// <see cref="WebhookSender"/> does that in the background, so no receiver ever slows a save.
/// </summary>
public sealed class WebhookEvents(BayanDb db, TimeProvider clock, WebhookOrigin origin)
{
    /// <summary>A release event: <paramref name="language"/> is the version it is about (a translation), else the original.</summary>
    public async Task ReleaseAsync(string type, Release release, CancellationToken ct, string? language = null)
    {
        // Without an endpoint for it (most sites, most events) this one look is all an event costs.
        var wanting = await WantingAsync(type, ct);
        if (wanting.Count == 0)
            return;
        if (!db.Entry(release).Collection(r => r.Versions).IsLoaded)
            await db.Entry(release).Collection(r => r.Versions).LoadAsync(ct);
        // A translation's event concerns its language alone; a release's, every language it is written in.
        IReadOnlyCollection<string> concerned = language is null ? [.. release.Versions.Select(v => v.Language)] : [language];
        var endpoints = For(wanting, release.OfficeId, concerned);
        if (endpoints.Count == 0)
            return;
        var office = release.Office?.Code ?? await db.Offices.Where(o => o.Id == release.OfficeId).Select(o => o.Code).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var data = WebhookPayloads.Release(release, office, language ?? release.OriginalLanguage, origin.Value);
        Add(type, release.Id, WebhookPayloads.Of(type, now, data), endpoints, now);
    }

    /// <summary>A comment event; the comment must have its id (saved before).</summary>
    public async Task CommentAsync(string type, Comment comment, CancellationToken ct)
    {
        var wanting = await WantingAsync(type, ct);
        if (wanting.Count == 0)
            return;
        var version = await db.ReleaseVersions.AsNoTracking().Where(v => v.Id == comment.ReleaseVersionId)
            .Select(v => new { v.Language, v.Slug, v.Release, v.Release.Office.Code }).FirstAsync(ct);
        var endpoints = For(wanting, version.Release.OfficeId, [version.Language]);
        if (endpoints.Count == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var data = WebhookPayloads.Comment(comment, version.Release, version.Code, version.Language, version.Slug, origin.Value);
        Add(type, version.Release.Id, WebhookPayloads.Of(type, now, data), endpoints, now);
    }

    /// <summary>A ping for one endpoint, whatever events it takes.</summary>
    public void Ping(WebhookEndpoint endpoint)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = WebhookPayloads.Of(WebhookEventTypes.Ping, now, new PingData(endpoint.Id, endpoint.Url));
        Add(WebhookEventTypes.Ping, null, payload, [endpoint.Id], now);
    }

    /// <summary>The endpoints that are on and take the event's type, whatever their office and language.</summary>
    private async Task<List<(int Id, int? OfficeId, string? Language)>> WantingAsync(string type, CancellationToken ct)
    {
        // A handful of rows at most: read in full, the list of types is looked into here.
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled)
            .Select(e => new { e.Id, e.Events, e.OfficeId, e.Language }).ToListAsync(ct);
        return [.. endpoints.Where(e => WebhookEndpoint.Takes(e.Events, type)).Select(e => (e.Id, e.OfficeId, e.Language))];
    }

    /// <summary>Of those, the ones for any office or this one, with no language filter or a language the event concerns.</summary>
    private static List<int> For(List<(int Id, int? OfficeId, string? Language)> wanting, int officeId, IReadOnlyCollection<string> languages) =>
        [.. wanting.Where(e => (e.OfficeId is null || e.OfficeId == officeId) && (e.Language is null || languages.Contains(e.Language))).Select(e => e.Id)];

    private void Add(string type, int? releaseId, string payload, IReadOnlyList<int> endpoints, DateTime now)
    {
        var message = new WebhookMessage { MessageId = NewId(), Type = type, ReleaseId = releaseId, Payload = payload, CreatedAt = now };
        db.WebhookMessages.Add(message);
        foreach (var endpoint in endpoints)
            db.WebhookDeliveries.Add(new WebhookDelivery { Message = message, EndpointId = endpoint, ReleaseId = releaseId, DueAt = now, CreatedAt = now });
    }

    /// <summary>Random and free of '.', which would make the signed text ambiguous.</summary>
    private static string NewId() => "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
