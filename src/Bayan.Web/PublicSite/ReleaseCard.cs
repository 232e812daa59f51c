using Bayan.Dates;
using Bayan.Localization;
using Bayan.Releases;

namespace Bayan.Web.PublicSite;

/// <summary>A release as a listing shows it.</summary>
public sealed record ReleaseCard(
    string Title,
    string Url,
    string Summary,
    LocalDate Date,
    string OfficeName,
    string OfficeUrl,
    string? Number,
    bool Translated,
    string Type)
{
    /// <summary>Needs the version's release and office loaded (see SnapshotQueries.WithSiteData).</summary>
    public static ReleaseCard From(ReleaseVersion version, SiteSnapshot site)
    {
        var release = version.Release;
        return From(new CardRow
        {
            ReleaseId = release.Id, OfficeId = release.OfficeId, Language = version.Language, Title = version.Title,
            Slug = version.Slug, Summary = version.Summary, IsOriginal = version.IsOriginal,
            Date = release.PublishAt ?? release.CreatedAt, ReferenceNumber = release.ReferenceNumber, Type = release.Type,
        }, site);
    }

    public static ReleaseCard From(CardRow row, SiteSnapshot site)
    {
        var office = site.OfficeWithId(row.OfficeId);
        var lang = row.Language;
        return new ReleaseCard(
            row.Title,
            SiteUrls.Release(lang, office.Code, row.ReleaseId, row.Slug),
            row.Summary,
            site.Dates.Listing(row.Date, office, lang),
            office.NameIn(lang),
            SiteUrls.Office(lang, office.Code),
            row.ReferenceNumber is null ? null : Digits.ForLanguage(row.ReferenceNumber, lang),
            !row.IsOriginal,
            TypeLabel(row.Type, lang));
    }

    public static string TypeLabel(ReleaseType type, string lang) => Messages.Get(lang, "type_" + type switch
    {
        ReleaseType.PressRelease => "press_release",
        ReleaseType.Statement => "statement",
        ReleaseType.News => "news",
        _ => "article",
    });
}

/// <summary>The columns a listing reads of a version and its release: never the body, nor joined names.</summary>
/// <remarks>Set by name, not by constructor: the home page's union of queries can only be translated so.</remarks>
public sealed class CardRow
{
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

internal static class CardQueries
{
    public static IQueryable<CardRow> AsCards(this IQueryable<ReleaseVersion> versions, int group = 0) =>
        versions.Select(v => new CardRow
        {
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
