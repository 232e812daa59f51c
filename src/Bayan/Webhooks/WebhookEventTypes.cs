namespace Bayan.Webhooks;

/// <summary>The events an endpoint can take, by their stable names (the `type` of every payload).</summary>
public static class WebhookEventTypes
{
    public const string ReleasePublished = "release.published";
    public const string ReleaseUpdated = "release.updated";
    public const string ReleaseCorrected = "release.corrected";
    public const string ReleaseRetracted = "release.retracted";
    public const string TranslationPublished = "translation.published";
    public const string TranslationOutdated = "translation.outdated";
    public const string CommentCreated = "comment.created";
    public const string CommentApproved = "comment.approved";

    /// <summary>Sent only when an administrator asks, to one endpoint, whatever events it takes.</summary>
    public const string Ping = "ping";

    /// <summary>What an administrator can choose for an endpoint, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> Chosen =
    [
        ReleasePublished, ReleaseUpdated, ReleaseCorrected, ReleaseRetracted,
        TranslationPublished, TranslationOutdated, CommentCreated, CommentApproved,
    ];

    /// <summary>The catalogue key of an event's name: "webhook_event_release_published".</summary>
    public static string NameKey(string type) => "webhook_event_" + type.Replace('.', '_');
}
