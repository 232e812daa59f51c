using System.ComponentModel;

namespace Bayan.Web.Api.Webhooks;

/// <summary>A registered webhook endpoint, never with its secret (shown once, at creation or rotation).</summary>
public sealed record WebhookDto(
    int Id,
    [property: Description("The receiver's http or https address.")] string Url,
    string Description,
    [property: Description("The events it takes: release.published, release.updated, release.corrected, release.retracted, translation.published, translation.outdated, comment.created, comment.approved.")]
    IReadOnlyList<string> Events,
    [property: Description("Only this office's events; null for every office.")] int? OfficeId,
    [property: Description("Only events about a version in this language; null for every language.")] string? Language,
    bool Enabled,
    [property: Description("Why Bayan turned it off by itself (failing for too long, or 410 Gone), in the asked language; null otherwise.")] string? DisabledReason,
    DateTimeOffset? DisabledAt,
    [property: Description("The first failure since the last delivery that succeeded; null while it answers.")] DateTimeOffset? FailingSince,
    [property: Description("During a rotation's overlap, the former secret signs too until then.")] DateTimeOffset? PreviousSecretUntil,
    [property: Description("How the latest finished delivery went: delivered or failed; null before any.")] string? LastStatus,
    DateTimeOffset? LastAt,
    [property: Description("Deliveries waiting to be sent or retried.")] int Waiting,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("Moves with every change; the ETag is this number, quoted.")] int Revision);

/// <param name="Enabled">On (true) or off (false); left out on a change, it stays as it is. A new endpoint is on unless false.</param>
public sealed record WebhookBody(
    [property: Description("An http or https address without user name or #fragment; a private or loopback address is refused unless the site allows them.")] string? Url,
    string? Description,
    IReadOnlyList<string>? Events,
    int? OfficeId,
    string? Language,
    bool? Enabled);

/// <summary>A new endpoint with its signing secret, shown this once.</summary>
public sealed record NewWebhookDto(
    WebhookDto Webhook,
    [property: Description("whsec_ and the base64 of the key: give it to the receiver now; Bayan never shows it again.")] string Secret);

/// <param name="OverlapHours">How long the former secret keeps signing beside the new one, 0 to 720 hours; 24 when left out.</param>
public sealed record RotateBody(int? OverlapHours);

/// <summary>The new signing secret, shown this once.</summary>
public sealed record WebhookSecretDto(
    int Id,
    [property: Description("whsec_ and the base64 of the key: give it to the receiver now; Bayan never shows it again.")] string Secret,
    [property: Description("Until then the former secret signs too; null when it was dropped at once.")] DateTimeOffset? PreviousSecretUntil);

/// <summary>What an action did, in the asked language: a ping or a delivery is on its way.</summary>
public sealed record WebhookActionDone(string Message);

/// <summary>One try of a delivery: the answer's status, how long it took, the start of its body, or why no answer counted.</summary>
public sealed record DeliveryTryDto(
    DateTimeOffset At,
    [property: Description("The HTTP status of the answer; null when none came.")] int? StatusCode,
    [property: Description("How long the receiver took, in milliseconds.")] int DurationMs,
    [property: Description("The first 1,000 characters of the answer's body.")] string? Answer,
    [property: Description("Why no answer counted (timeout, refused address, no connection), in the asked language.")] string? Error,
    [property: Description("The same reason as a stable code: webhook_error_timeout, webhook_error_refused, webhook_error_connection, webhook_error_secret.")] string? ErrorCode);

/// <summary>An event on its way to one endpoint, with every try, newest first.</summary>
public sealed record DeliveryDto(
    long Id,
    [property: Description("The webhook-id the receiver gets: the same on every try and when sent again.")] string MessageId,
    string Type,
    [property: Description("pending, delivered or failed (given up after a day of retries).")] string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    [property: Description("When it is tried next; null unless pending.")] DateTimeOffset? NextTryAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<DeliveryTryDto> Tries);

public sealed record DeliveryList(
    IReadOnlyList<DeliveryDto> Items,
    [property: Description("Give as ?cursor= to read older deliveries; null on the last page.")] string? Next);
