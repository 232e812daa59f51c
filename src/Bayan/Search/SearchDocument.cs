using Bayan.Releases;
using Bayan.Rendering;

namespace Bayan.Search;

/// <summary>
/// One language version as both indexes hold it: the fields searched, as stems (<see cref="SearchText.Stems"/>);
/// the words of the heading as written (<see cref="Forms"/>), which rank a release holding the very forms a
/// reader typed before one holding other forms of them; and what the filters of a search need beside them
/// (language, office, categories, publication time), so a search never leaves the index.
/// </summary>
internal sealed record SearchDocument(
    int VersionId, int ReleaseId, string Language, string Title, string Number, string Summary, string Office, string Body,
    string Forms, int OfficeId, IReadOnlyList<int> CategoryIds, DateTime PublishAt)
{
    /// <summary>Needs the release's office with its names, and its categories, loaded.</summary>
    public static SearchDocument From(Release release, ReleaseVersion version)
    {
        var office = $"{release.Office.Code} {release.Office.NameIn(version.Language)}";
        return new(
            version.Id,
            release.Id,
            version.Language,
            SearchText.Stems(version.Title),
            SearchText.Stems(release.ReferenceNumber),
            SearchText.Stems(version.Summary),
            SearchText.Stems(office),
            SearchText.Stems(MarkdownRenderer.ToPlainText(version.Body)),
            // Title, number, summary and office: the fields that rank. A body is most of the index, and its forms would double it.
            SearchText.Normalise($"{version.Title} {release.ReferenceNumber} {version.Summary} {office}"),
            release.OfficeId,
            [.. release.Categories.Select(c => c.Id)],
            release.PublishAt ?? DateTime.UnixEpoch);
    }
}

/// <summary>
/// A row of the page an index returns: which version, and how many versions match in all, counted
/// up to the limit it was given (the same on every row).
/// </summary>
internal sealed class IndexPageRow
{
    public int VersionId { get; init; }
    public int Found { get; init; }
}

/// <summary>
/// How well a version matches, the same on both databases: by where all the reader's words are,
/// as a reader judges a list of results (and as WordPress orders its own).
/// Within each, a release whose heading holds the words as the reader typed them comes before one
/// that holds other forms of them (with or without the article), newest first among equals.
/// </summary>
internal static class Rank
{
    /// <summary>All the words in the title or the reference number.</summary>
    public const int Title = 2;

    /// <summary>All the words in the summary or the office's name.</summary>
    public const int Summary = 1;

    /// <summary>Spread over the fields, or in the body.</summary>
    public const int Body = 0;
}
