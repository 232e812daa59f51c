using Bayan.Categories;
using Bayan.Offices;
using Bayan.Tags;

namespace Bayan.Releases;

/// <summary>One publication of an office, in one or more languages.</summary>
public sealed class Release
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public Office Office { get; set; } = null!;
    public ReleaseType Type { get; set; } = ReleaseType.PressRelease;

    /// <summary>Given at first publication from the office's pattern, e.g. "1445/03"; never reused.</summary>
    public string? ReferenceNumber { get; set; }

    /// <summary>The sequence number inside <see cref="ReferenceNumber"/>, e.g. 3 for "1445/03".</summary>
    public int? Sequence { get; set; }

    public required string OriginalLanguage { get; set; }
    public ReleaseStatus Status { get; set; } = ReleaseStatus.Draft;

    /// <summary>When the release is (or was, or will be) public, in UTC.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>When a published release was last corrected; each version carries its own note.</summary>
    public DateTime? CorrectedAt { get; set; }

    /// <summary>When a published release was withdrawn; each version carries the reason in its language.</summary>
    public DateTime? RetractedAt { get; set; }

    /// <summary>Editors can close a release to new comments.</summary>
    public bool CommentsClosed { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Moved by one at every saved change of the release or its versions (<see cref="ReleaseRevisions"/>): the API's ETag.</summary>
    public int Revision { get; set; }

    public string? FeaturedImage { get; set; }

    /// <summary>
    /// What an archive kept about the release that Bayan has no field for, as JSON (K2's extra fields, its
    /// "featured" flag): kept for the record and for a later use; no page shows it.
    /// </summary>
    public string? Metadata { get; set; }

    public List<ReleaseVersion> Versions { get; set; } = [];
    public List<Category> Categories { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<Media.ReleaseAttachment> Attachments { get; set; } = [];
}

public enum ReleaseType
{
    PressRelease,
    Statement,
    News,
    Article,
}

public enum ReleaseStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Retracted,
}
