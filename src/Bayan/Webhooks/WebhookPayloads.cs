using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bayan.Comments;
using Bayan.Releases;

namespace Bayan.Webhooks;

/// <summary>
/// The bodies Bayan sends, one shape per event type (README, "Webhooks"): `type`, `timestamp` (when
/// the event happened, ISO 8601 in UTC) and `data`, with ids, languages, the reference number and
/// absolute addresses. Made once, when the event is written, and sent byte for byte on every attempt.
/// </summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A body, never HTML: Arabic titles stay readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Of(string type, DateTime at, object data) =>
        JsonSerializer.Serialize(new Envelope(type, Utc(at), data), Json);

    /// <summary>A release as every release and translation event shows it; <paramref name="language"/> is the version the event is about.</summary>
    public static ReleaseData Release(Release release, string officeCode, string language, string origin) => new(
        release.Id,
        officeCode,
        release.ReferenceNumber,
        StatusName(release.Status),
        release.OriginalLanguage,
        language,
        ReleaseUrl(origin, release, officeCode, language),
        Utc(release.PublishAt),
        Utc(release.CorrectedAt),
        Utc(release.RetractedAt),
        [.. release.Versions.OrderBy(v => v.Language != release.OriginalLanguage).ThenBy(v => v.Language, StringComparer.Ordinal)
            .Select(v => new VersionData(v.Language, v.Title, v.Language == release.OriginalLanguage, Link(origin, v.Language, officeCode, release.Id, v.Slug)))]);

    public static CommentData Comment(Comment comment, Release release, string officeCode, string language, string slug, string origin) => new(
        comment.Id,
        comment.ParentId,
        release.Id,
        release.ReferenceNumber,
        language,
        comment.Status.ToString().ToLowerInvariant(),
        comment.Name,
        comment.Text,
        Utc(comment.CreatedAt),
        Link(origin, language, officeCode, release.Id, slug));

    public static string StatusName(ReleaseStatus status) => status switch
    {
        ReleaseStatus.InReview => "in-review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string ReleaseUrl(string origin, Release release, string officeCode, string language)
    {
        var version = release.Versions.FirstOrDefault(v => v.Language == language)
            ?? release.Versions.First(v => v.Language == release.OriginalLanguage);
        return Link(origin, version.Language, officeCode, release.Id, version.Slug);
    }

    /// <summary>A release's public address, as the site's own links write it.</summary>
    private static string Link(string origin, string language, string office, int id, string slug) =>
        origin + Sites.SiteUrls.Release(language, office, id, slug);

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? at) => at is { } t ? Utc(t) : null;

    private sealed record Envelope(string Type, DateTime Timestamp, object Data);
}

public sealed record ReleaseData(
    int ReleaseId, string Office, string? ReferenceNumber, string Status, string OriginalLanguage, string Language, string Url,
    DateTime? PublishedAt, DateTime? CorrectedAt, DateTime? RetractedAt, IReadOnlyList<VersionData> Versions);

public sealed record VersionData(string Language, string Title, bool Original, string Url);

/// <summary>A comment: never the e-mail address, which Bayan never shows.</summary>
public sealed record CommentData(
    int CommentId, int? ParentId, int ReleaseId, string? ReferenceNumber, string Language, string Status, string Name, string Text,
    DateTime CreatedAt, string ReleaseUrl);

public sealed record PingData(int EndpointId, string Url);
