namespace Bayan.Releases;

/// <summary>The columns a listing (or a page of search results) reads of a version and its release: never the body, nor joined names.</summary>
/// <remarks>Set by name, not by constructor: the home page's union of queries can only be translated so.</remarks>
public sealed class CardRow
{
    /// <summary>The language version's own id.</summary>
    public int VersionId { get; init; }
    public int ReleaseId { get; init; }
    public int OfficeId { get; init; }
    public required string Language { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string Summary { get; init; }
    public bool IsOriginal { get; init; }
    public DateTime Date { get; init; }
    public string? ReferenceNumber { get; init; }
    public ReleaseType Type { get; init; }

    /// <summary>Which block of a page the row belongs to, when one query fills several (the home page's).</summary>
    public int Group { get; init; }
}

public static class CardQueries
{
    public static IQueryable<CardRow> AsCards(this IQueryable<ReleaseVersion> versions, int group = 0) =>
        versions.Select(v => new CardRow
        {
            VersionId = v.Id,
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
            Group = group,
        });
}
