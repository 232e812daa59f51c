namespace Bayan.Media;

/// <summary>An uploaded file of the media library: an image (with resized copies) or a PDF.</summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Bytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>The original's address under /media/.</summary>
    public required string Url { get; set; }

    /// <summary>Resized copies as "width url" pairs separated by commas, as a srcset reads them.</summary>
    public string Renditions { get; set; } = "";

    public required string UploadedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Its alternative text and caption, per language.</summary>
    public List<MediaText> Texts { get; set; } = [];
}

/// <summary>A file attached to a release (a PDF of the statement, photos), in order.</summary>
public sealed class ReleaseAttachment
{
    public int ReleaseId { get; set; }
    public Guid MediaId { get; set; }
    public MediaItem Media { get; set; } = null!;
    public int Position { get; set; }
}
