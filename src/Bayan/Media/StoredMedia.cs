namespace Bayan.Media;

/// <summary>
/// One file on disk. <see cref="Path"/> is relative to the media folder with '/' between
/// segments ("2024/11/{id}/بيان-480.png", not percent-encoded), as served under /media/. Width and
/// height are as the image is shown, turned upright; null for a PDF.
/// </summary>
public sealed record MediaFile(string Path, int? Width, int? Height, long Bytes, string ContentType);

/// <summary>An upload that was kept: the original exactly as it arrived, and its renditions, narrowest first.</summary>
public sealed record StoredMedia(
    string Id,
    MediaKind Kind,
    string OriginalFileName,
    MediaFile Original,
    IReadOnlyList<MediaFile> Renditions,
    DateTime CreatedAt);

/// <summary>What became of an upload: stored, or refused with a message for the editor.</summary>
public abstract record UploadResult
{
    private UploadResult()
    {
    }

    public sealed record Stored(StoredMedia Media) : UploadResult;

    public sealed record Refused(string Message) : UploadResult;
}
