using System.ComponentModel;

namespace Bayan.Web.Api.Content;

// What the content API sends: records mapped by hand from the library's entities (ContentMapping),
// so that a change of the model never changes the API by accident. Property names go out in camelCase.

[Description("A date as the site shows it: the instant, with the offset of the office's (or the site's) zone, and the same day written in the site's calendars and the language asked for.")]
public sealed record ApiDate(
    [property: Description("ISO 8601 with offset, e.g. 2024-11-21T10:00:00+03:00.")] DateTimeOffset At,
    [property: Description("The day in the site's calendars, e.g. \"H. 19 Jumada al-Awwal 1446 — M. 21 November 2024\".")] string Text);

[Description("The office that issued a release.")]
public sealed record OfficeRef(int Id, string Code, [property: Description("Its name in the language of the item.")] string Name);

[Description("What kind of publication a release is.")]
public enum ReleaseKind
{
    PressRelease,
    Statement,
    News,
    Article,
}

[Description("Where a public release stands: published, published and corrected since (see the correction notes), or retracted (withdrawn: title and notes only).")]
public enum ReleaseState
{
    Published,
    Corrected,
    Retracted,
}

[Description("One page of releases, newest first.")]
public sealed record ReleaseList(
    IReadOnlyList<ReleaseItem> Items,
    [property: Description("Give as ?cursor= to read the next page; null on the last page.")] string? Next,
    [property: Description("The address of the next page, with the same filters; null on the last page.")] string? NextUrl);

[Description("A release in one language, as a list shows it.")]
public sealed record ReleaseItem(
    int Id,
    [property: Description("The language of this version: the one asked for, else the release's original.")] string Language,
    [property: Description("ltr or rtl.")] string Direction,
    [property: Description("True when this version is a translation of the original.")] bool IsTranslation,
    string Title,
    string Summary,
    [property: Description("Given at first publication, e.g. 1446/03; null for a release without one.")] string? ReferenceNumber,
    ReleaseKind Type,
    [property: Description("The type in the item's language, e.g. \"Press release\".")] string TypeLabel,
    OfficeRef Office,
    ApiDate Published,
    [property: Description("The release's page on the site.")] string Url,
    [property: Description("The whole release with every language version.")] string ApiUrl);

[Description("A release with all its language versions.")]
public sealed record ReleaseDetail(
    int Id,
    string? ReferenceNumber,
    ReleaseKind Type,
    ReleaseState Status,
    [property: Description("The language the release was written in; the other versions are translations of it.")] string OriginalLanguage,
    OfficeRef Office,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CorrectedAt,
    DateTimeOffset? RetractedAt,
    [property: Description("The image shown above the text, with every size; null when none (or retracted).")] MediaFile? FeaturedImage,
    [property: Description("Files attached to the release, in order (empty when retracted).")] IReadOnlyList<MediaFile> Attachments,
    [property: Description("Every language version, in the site's order of languages.")] IReadOnlyList<ReleaseVersionDetail> Versions);

[Description("One language version of a release, with its texts and everything its page says, in its own language.")]
public sealed record ReleaseVersionDetail(
    string Language,
    string Direction,
    bool IsOriginal,
    string Title,
    string Slug,
    [property: Description("Null when the release was retracted.")] string? Summary,
    [property: Description("The text as sanitised HTML, rendered as the site's pages render it (links relative to the site); null when retracted.")] string? BodyHtml,
    [property: Description("The text in Markdown, as its author wrote it; null when retracted.")] string? BodyMarkdown,
    string Url,
    [property: Description("The reference number in the digits the site shows in this language.")] string? ReferenceNumberText,
    string TypeLabel,
    string OfficeName,
    ApiDate Published,
    ApiDate? Corrected,
    ApiDate? Retracted,
    [property: Description("The correction note shown on the page: this version's, else the original's (then in the original's language).")] ReleaseNote? CorrectionNote,
    [property: Description("Why the release was withdrawn, as for the correction note.")] ReleaseNote? RetractionNote,
    [property: Description("For a translation: its original, and whether the original changed after it was translated; null for the original.")] TranslationOf? TranslationOf,
    [property: Description("The release's categories named in this language.")] IReadOnlyList<NamedLink> Categories,
    [property: Description("The release's tags named in this language.")] IReadOnlyList<NamedLink> Tags);

public sealed record ReleaseNote(string Text, string Language, string Direction);

[Description("The original a translation was made from.")]
public sealed record TranslationOf(
    string Language,
    string Url,
    [property: Description("True when the original was edited after this translation was made.")] bool Outdated,
    [property: Description("When the original was last edited, when outdated.")] ApiDate? OriginalChanged);

[Description("A category or tag as an item names it, with its listing on the site.")]
public sealed record NamedLink(int Id, string Name, string Slug, string Url);

[Description("An uploaded file and, for an image, every resized copy.")]
public sealed record MediaFile(
    string Url,
    string FileName,
    string ContentType,
    long Bytes,
    int? Width,
    int? Height,
    [property: Description("Resized copies of an image, narrowest first; empty for a PDF.")] IReadOnlyList<MediaSize> Renditions);

public sealed record MediaSize(string Url, int Width);

[Description("A name of a category, tag or office in one language.")]
public sealed record LocalName(string Language, string Name, string? Slug, string? Url);

[Description("A category with its names and subcategories.")]
public sealed record CategoryNode(int Id, IReadOnlyList<LocalName> Names, IReadOnlyList<CategoryNode> Children);

public sealed record TagEntry(int Id, IReadOnlyList<LocalName> Names);

[Description("A media office: its names, zone and the contact lines of its signature.")]
public sealed record OfficeEntry(
    int Id,
    string Code,
    string DefaultLanguage,
    [property: Description("IANA zone, e.g. Asia/Riyadh: its releases are dated in it.")] string TimeZone,
    [property: Description("Days added to Hijri dates for local moon sighting, -2..+2.")] int HijriAdjustment,
    IReadOnlyList<OfficeLocalName> Names,
    string? Website,
    string? Telephone,
    string? Email,
    IReadOnlyList<string> Social);

public sealed record OfficeLocalName(string Language, string Name, string? FullName, string? Address, string Url);

public sealed record PageItem(string Key, string Language, string Slug, string Title, DateTimeOffset UpdatedAt, string Url, string ApiUrl);

[Description("A static page (About, Contact) in one language.")]
public sealed record PageDetail(
    string Key,
    string Language,
    string Direction,
    string Slug,
    string Title,
    string BodyHtml,
    string BodyMarkdown,
    DateTimeOffset UpdatedAt,
    string Url,
    [property: Description("The same page in every language it is written in, this one included.")] IReadOnlyList<PageItem> Translations);

public sealed record MenuLink(string Label, string Url);

public sealed record LinkListDto(string Title, IReadOnlyList<MenuLink> Links);

[Description("The main menu and the sidebar's link lists of one language.")]
public sealed record MenuSet(string Language, IReadOnlyList<MenuLink> Menu, IReadOnlyList<LinkListDto> LinkLists);

[Description("The site's public settings.")]
public sealed record SiteInfo(
    string DefaultLanguage,
    [property: Description("IANA zone of the site's clock.")] string TimeZone,
    IReadOnlyList<SiteLanguageInfo> Languages,
    [property: Description("The calendars and styles of each place dates are shown, e.g. \"hijri:medium gregorian:long\".")] SiteCalendars Calendars,
    [property: Description("Persian and Urdu in Extended Arabic-Indic digits.")] bool ExtendedDigits,
    [property: Description("Reference numbers in the language's digits rather than Western ones.")] bool NumbersInLanguageDigits,
    int PageSize);

public sealed record SiteLanguageInfo(string Code, string Name, string Direction, string SiteName, string Tagline, string ClockName, string HomeUrl);

public sealed record SiteCalendars(string Header, string Dateline, string Listing);
