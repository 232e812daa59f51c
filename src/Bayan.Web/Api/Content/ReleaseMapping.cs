using System.Globalization;
using System.Text.Json;
using Bayan.Dates;
using Bayan.Localization;
using Bayan.Media;
using Bayan.Numbering;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Web.PublicSite;

namespace Bayan.Web.Api.Content;

/// <summary>Releases as the API sends them, written by hand from what the library read and the site snapshot.</summary>
internal static class ReleaseMapping
{
    public static string ApiPath(int id) => $"{ApiSetup.V1}/releases/{id}";

    /// <param name="release">Read by <see cref="PublicReleaseQuery"/> and completed with the snapshot's office and categories.</param>
    public static ReleaseDetail Detail(Release release, MediaItem? featured, SiteSnapshot site, string origin)
    {
        var retracted = release.Status == ReleaseStatus.Retracted;
        var status = retracted ? ReleaseState.Retracted : release.CorrectedAt is null ? ReleaseState.Published : ReleaseState.Corrected;
        var zone = DateFormatter.FindZone(release.Office.TimeZone);
        DateTimeOffset At(DateTime utc) => DateFormatter.ToLocal(utc, zone);
        var published = release.PublishAt ?? release.CreatedAt;
        return new ReleaseDetail(
            release.Id,
            release.ReferenceNumber,
            Kind(release.Type),
            status,
            release.OriginalLanguage,
            new OfficeRef(release.Office.Id, release.Office.Code, release.Office.NameIn(release.OriginalLanguage)),
            At(published),
            At(release.UpdatedAt),
            release.CorrectedAt is { } corrected ? At(corrected) : null,
            release.RetractedAt is { } withdrawn ? At(withdrawn) : null,
            // A withdrawn release keeps only its title and why: what it said is no longer the office's word.
            retracted || featured is null ? null : MediaOf(featured, origin),
            retracted ? [] : [.. release.Attachments.OrderBy(a => a.Position).Select(a => MediaOf(a.Media, origin))],
            [.. release.Versions.Where(v => site.IsEnabled(v.Language)).OrderBy(v => site.PositionOf(v.Language))
                .Select(v => Version(release, v, site, origin, retracted))]);
    }

    private static ReleaseVersionDetail Version(Release release, ReleaseVersion version, SiteSnapshot site, string origin, bool retracted)
    {
        var lang = version.Language;
        var office = release.Office;
        var original = release.Versions.FirstOrDefault(v => v.IsOriginal);
        ApiDate Dated(DateTime utc) => Date(site.Dates.Dateline(utc, office, lang));
        return new ReleaseVersionDetail(
            lang,
            DirectionOf(lang),
            version.IsOriginal,
            version.Title,
            version.Slug,
            retracted ? null : version.Summary,
            retracted ? null : version.BodyHtml,
            retracted ? null : version.Body,
            origin + ReleasePage.UrlOf(release, version),
            release.ReferenceNumber is { } number ? ReferenceNumberText.Shown(number, lang, site.Site) : null,
            ReleaseCard.TypeLabel(release.Type, lang),
            office.NameIn(lang),
            Dated(release.PublishAt ?? release.CreatedAt),
            release.CorrectedAt is { } corrected ? Dated(corrected) : null,
            release.RetractedAt is { } withdrawn ? Dated(withdrawn) : null,
            Note(VersionNotes.Pick(release, version, v => v.CorrectionNote)),
            Note(VersionNotes.Pick(release, version, v => v.RetractionNote)),
            original is null || version.IsOriginal ? null : new TranslationOf(
                original.Language,
                origin + ReleasePage.UrlOf(release, original),
                version.IsOutdatedAgainst(original),
                version.IsOutdatedAgainst(original) ? Dated(original.UpdatedAt) : null),
            [.. release.Categories.Select(c => (c.Id, Name: c.NameIn(lang))).Where(c => c.Name is not null)
                .Select(c => new NamedLink(c.Id, c.Name!.Name, c.Name.Slug, origin + SiteUrls.Category(lang, c.Name.Slug)))],
            [.. release.Tags.Select(t => (t.Id, Name: t.NameIn(lang))).Where(t => t.Name is not null)
                .Select(t => new NamedLink(t.Id, t.Name!.Name, t.Name.Slug, origin + SiteUrls.Tag(lang, t.Name.Slug)))]);
    }

    public static MediaFile MediaOf(MediaItem item, string origin) => new(
        origin + item.Url,
        item.FileName,
        item.ContentType,
        item.Bytes,
        item.Width,
        item.Height,
        [.. MediaRenditions.Of(item).Select(r => new MediaSize(origin + r.Url, r.Width))]);

    public static ApiDate Date(LocalDate date) =>
        new(DateTimeOffset.Parse(date.Iso, CultureInfo.InvariantCulture, DateTimeStyles.None), date.Text);

    public static string DirectionOf(string language) => Languages.Find(language)?.Direction ?? "ltr";

    private static ReleaseNote? Note(PublicSite.NoteText? note) => note is null ? null : new ReleaseNote(note.Text, note.Language, note.Direction);

    /// <summary>The type as the API's JSON names it (ApiJson: enums as camelCase words).</summary>
    public static string KindName(ReleaseType type) => KindNames[(int)Kind(type)];

    private static readonly string[] KindNames =
        [.. Enum.GetValues<ReleaseKind>().OrderBy(k => (int)k).Select(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()))];

    private static ReleaseKind Kind(ReleaseType type) => type switch
    {
        ReleaseType.Statement => ReleaseKind.Statement,
        ReleaseType.News => ReleaseKind.News,
        ReleaseType.Article => ReleaseKind.Article,
        _ => ReleaseKind.PressRelease,
    };
}
