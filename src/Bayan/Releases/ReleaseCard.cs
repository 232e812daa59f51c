using Bayan.Dates;
using Bayan.Localization;
using Bayan.Numbering;
using Bayan.Sites;

namespace Bayan.Releases;

/// <summary>A release as a listing shows it, in the listing's language: every public surface in HTML (pages, a static copy) shows the same.</summary>
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
            row.ReferenceNumber is null ? null : ReferenceNumberText.Shown(row.ReferenceNumber, lang, site.Site),
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
