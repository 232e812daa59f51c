using System.Text.Json;
using Bayan.Editing;
using Bayan.Releases;

namespace Bayan.Web.Api.Editing;

/// <summary>A release as its editors see it through the API; <see cref="Revision"/> is also its ETag.</summary>
public sealed record ReleaseEditorDto(
    int Id,
    int Revision,
    int OfficeId,
    string Office,
    string Type,
    string Status,
    string OriginalLanguage,
    string? ReferenceNumber,
    DateTimeOffset? PublishAt,
    DateTimeOffset? CorrectedAt,
    DateTimeOffset? RetractedAt,
    bool CommentsClosed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<int> CategoryIds,
    IReadOnlyList<string> Tags,
    string? FeaturedImage,
    IReadOnlyList<Guid> Attachments,
    IReadOnlyList<VersionEditorDto> Versions);

/// <param name="Revision">The number of the version's latest revision.</param>
/// <param name="Outdated">A translation whose original was saved since it was translated.</param>
/// <param name="Held">Text saved for the published release that waits for an editor, if any.</param>
public sealed record VersionEditorDto(
    string Language,
    bool IsOriginal,
    string Title,
    string Slug,
    string Summary,
    string Body,
    int Revision,
    bool Outdated,
    string? CorrectionNote,
    string? RetractionNote,
    HeldEditDto? Held);

public sealed record HeldEditDto(string Title, string? Slug, string Summary, string Body, string Author, DateTimeOffset SavedAt);

public sealed record RevisionDto(int Number, string Title, string Author, DateTimeOffset CreatedAt);

internal static class ReleaseEditorMapping
{
    /// <summary>"press-release", "in-review": the API's words for the library's enums, and back.</summary>
    public static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T? Parse<T>(string? word) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => Word(v!.Value) == word?.Trim().ToLowerInvariant());

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? utc) => utc is { } at ? Utc(at) : null;

    public static ReleaseEditorDto ToEditorDto(this EditedRelease edited)
    {
        var release = edited.Release;
        var original = release.Versions.FirstOrDefault(v => v.Language == release.OriginalLanguage);
        return new ReleaseEditorDto(
            release.Id,
            release.Revision,
            release.OfficeId,
            release.Office.Code,
            Word(release.Type),
            Word(release.Status),
            release.OriginalLanguage,
            release.ReferenceNumber,
            Utc(release.PublishAt),
            Utc(release.CorrectedAt),
            Utc(release.RetractedAt),
            release.CommentsClosed,
            Utc(release.CreatedAt),
            Utc(release.UpdatedAt),
            [.. release.Categories.Select(c => c.Id).Order()],
            [.. release.Tags.Select(t => t.NameFor(release.OriginalLanguage))],
            release.FeaturedImage,
            [.. release.Attachments.OrderBy(a => a.Position).Select(a => a.MediaId)],
            [.. release.Versions.OrderBy(v => v.Language == release.OriginalLanguage ? 0 : 1).ThenBy(v => v.Language, StringComparer.Ordinal)
                .Select(v => new VersionEditorDto(
                    v.Language,
                    v.Language == release.OriginalLanguage,
                    v.Title,
                    v.Slug,
                    v.Summary,
                    v.Body,
                    edited.LatestRevision.GetValueOrDefault(v.Id),
                    v.Language != release.OriginalLanguage && v.IsOutdatedAgainst(original),
                    v.CorrectionNote,
                    v.RetractionNote,
                    edited.Held.FirstOrDefault(h => h.Language == v.Language) is { } held
                        ? new HeldEditDto(held.Title, held.Slug, held.Summary, held.Body, held.Author, Utc(held.CreatedAt))
                        : null))]);
    }
}
