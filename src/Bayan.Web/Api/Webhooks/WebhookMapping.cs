using Bayan.Operations;
using Bayan.Web.Api.Editing;
using Bayan.Webhooks;

namespace Bayan.Web.Api.Webhooks;

/// <summary>Endpoints and deliveries as the API shows them, written by hand; the stored secrets never leave.</summary>
internal static class WebhookMapping
{
    public static WebhookDto ToDto(this EndpointRow row, string language)
    {
        var e = row.Endpoint;
        return new WebhookDto(
            e.Id, e.Url, e.Description, e.EventList, e.OfficeId, e.Language, e.Enabled,
            e.DisabledReason is { } reason ? new Problem(reason).In(language) : null,
            ReleaseEditorMapping.Utc(e.DisabledAt), ReleaseEditorMapping.Utc(e.FailingSince), ReleaseEditorMapping.Utc(e.PreviousSecretUntil),
            row.LastStatus is { } status ? ReleaseEditorMapping.Word(status) : null, ReleaseEditorMapping.Utc(row.LastAt), row.Waiting,
            ReleaseEditorMapping.Utc(e.CreatedAt), ReleaseEditorMapping.Utc(e.UpdatedAt), e.Revision);
    }

    public static DeliveryDto ToDto(this DeliveryRow row, string language) => new(
        row.Id, row.MessageId, row.Type, ReleaseEditorMapping.Word(row.Status), row.Attempts, ReleaseEditorMapping.Utc(row.CreatedAt),
        row.Status == DeliveryStatus.Pending ? ReleaseEditorMapping.Utc(row.DueAt) : null, ReleaseEditorMapping.Utc(row.DeliveredAt),
        [.. row.Tries.Select(t => new DeliveryTryDto(
            ReleaseEditorMapping.Utc(t.At), t.StatusCode, t.DurationMs, t.Answer,
            DeliveryAttempt.Reason(t.Error)?.In(language), DeliveryAttempt.Reason(t.Error)?.Key))]);

    /// <summary>The body as the library's form; the id is the endpoint changed (null: a new one).</summary>
    public static WebhookForm ToForm(this WebhookBody body, int? id) =>
        new(id, body.Url, body.Description, body.Events ?? [], body.OfficeId, body.Language, body.Enabled);
}
