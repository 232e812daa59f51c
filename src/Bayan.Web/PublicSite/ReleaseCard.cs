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
    /// <summary>Needs the version's release and office loaded (see ReleaseQueries.WithListingData).</summary>
    public static ReleaseCard From(ReleaseVersion version, SiteSnapshot site)
    {
        var release = version.Release;
        var lang = version.Language;
        return new ReleaseCard(
            version.Title,
            SiteUrls.Release(lang, release.Office.Code, release.Id, version.Slug),
            version.Summary,
            site.Dates.Listing(release.PublishAt ?? release.CreatedAt, release.Office, lang),
            release.Office.NameIn(lang),
            SiteUrls.Office(lang, release.Office.Code),
            release.ReferenceNumber is null ? null : Digits.ForLanguage(release.ReferenceNumber, lang),
            !version.IsOriginal,
            TypeLabel(release.Type, lang));
    }

    public static string TypeLabel(ReleaseType type, string lang) => Messages.Get(lang, "type_" + type switch
    {
        ReleaseType.PressRelease => "press_release",
        ReleaseType.Statement => "statement",
        ReleaseType.News => "news",
        _ => "article",
    });
}
