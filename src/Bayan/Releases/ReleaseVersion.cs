namespace Bayan.Releases;

/// <summary>A release in one language: the original, or a translation of it.</summary>
public sealed class ReleaseVersion
{
    public int Id { get; set; }
    public int ReleaseId { get; set; }
    public Release Release { get; set; } = null!;
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>Markdown as the author wrote it.</summary>
    public string Body { get; set; } = "";

    /// <summary>Sanitised HTML rendered from <see cref="Body"/> at save, so pages never render Markdown.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>For a translation: the revision of the original it was translated from.</summary>
    public int? SourceRevisionId { get; set; }

    /// <summary>The latest revision; an original's translations compare their source with it.</summary>
    public int? CurrentRevisionId { get; set; }

    /// <summary>Bumped on every save; a save based on an older value is a conflict.</summary>
    public int ConcurrencyVersion { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>A visible note on this version's page after a correction of the published release.</summary>
    public string? CorrectionNote { get; set; }

    /// <summary>Why the release was withdrawn, in this version's language.</summary>
    public string? RetractionNote { get; set; }
    public List<Revision> Revisions { get; set; } = [];

    public bool IsOriginal => Language == Release.OriginalLanguage;

    /// <summary>A translation is outdated when its original has been saved since the revision it was translated from.</summary>
    public bool IsOutdatedAgainst(ReleaseVersion? original) =>
        original is not null && original != this && SourceRevisionId != original.CurrentRevisionId;
}
