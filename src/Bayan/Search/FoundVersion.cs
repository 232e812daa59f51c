using Bayan.Releases;

namespace Bayan.Search;

/// <summary>
/// A found language version as a results list shows it: the columns of the version and its release,
/// never the body (read only for the rows whose summary holds no match) nor the office, which every
/// page has at hand.
/// </summary>
public sealed class FoundVersion
{
    public int Id { get; init; }
    public int ReleaseId { get; init; }
    public int OfficeId { get; init; }
    public required string Language { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string Summary { get; init; }
    public bool IsOriginal { get; init; }

    /// <summary>When the release was published (its creation, for one that never was).</summary>
    public DateTime Date { get; init; }

    public string? ReferenceNumber { get; init; }
    public ReleaseType Type { get; init; }
}

internal static class FoundVersionQueries
{
    public static IQueryable<FoundVersion> AsFound(this IQueryable<ReleaseVersion> versions) =>
        versions.Select(v => new FoundVersion
        {
            Id = v.Id,
            ReleaseId = v.ReleaseId,
            OfficeId = v.Release.OfficeId,
            Language = v.Language,
            Title = v.Title,
            Slug = v.Slug,
            Summary = v.Summary,
            IsOriginal = v.Language == v.Release.OriginalLanguage,
            Date = v.Release.PublishAt ?? v.Release.CreatedAt,
            ReferenceNumber = v.Release.ReferenceNumber,
            Type = v.Release.Type,
        });
}
