using Bayan.Releases;
using Bayan.Rendering;

namespace Bayan.Search;

/// <summary>One language version as both indexes hold it: normalised fields and the ids to join with.</summary>
internal sealed record SearchDocument(
    int VersionId, int ReleaseId, string Language, string Title, string Number, string Summary, string Office, string Body)
{
    /// <summary>Needs the release's office and its names loaded.</summary>
    public static SearchDocument From(Release release, ReleaseVersion version) => new(
        version.Id,
        release.Id,
        version.Language,
        SearchText.Normalise(version.Title),
        SearchText.Normalise(release.ReferenceNumber),
        SearchText.Normalise(version.Summary),
        SearchText.Normalise($"{release.Office.Code} {release.Office.NameIn(version.Language)}"),
        SearchText.Normalise(MarkdownRenderer.ToPlainText(version.Body)));
}

/// <summary>A row of an index's match: which version, and how well (higher is better on both databases).</summary>
internal sealed class IndexMatch
{
    public int VersionId { get; init; }
    public double Rank { get; init; }
}

/// <summary>An index's copy of a version's normalised fields with the matching words between <see cref="MarkedText.Open"/> and <see cref="MarkedText.Close"/>.</summary>
internal sealed class IndexMarks
{
    public int VersionId { get; init; }
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Body { get; init; } = "";
}
