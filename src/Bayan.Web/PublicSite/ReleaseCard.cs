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
        return From(new CardRow(
            release.Id, release.OfficeId, version.Language, version.Title, version.Slug, version.Summary,
            version.IsOriginal, release.PublishAt ?? release.CreatedAt, release.ReferenceNumber, release.Type), site);
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
/// <param name="Group">Which block of a page the row belongs to, when one query fills several (the home page's).</param>
public sealed record CardRow(
    int ReleaseId, int OfficeId, string Language, string Title, string Slug, string Summary,
    bool IsOriginal, DateTime Date, string? ReferenceNumber, ReleaseType Type, int Group = 0);

internal static class CardQueries
{
    public static IQueryable<CardRow> AsCards(this IQueryable<ReleaseVersion> versions, int group = 0) =>
        versions.Select(v => new CardRow(
            v.ReleaseId, v.Release.OfficeId, v.Language, v.Title, v.Slug, v.Summary,
            v.Language == v.Release.OriginalLanguage, v.Release.PublishAt ?? v.Release.CreatedAt,
            v.Release.ReferenceNumber, v.Release.Type, group));
}
