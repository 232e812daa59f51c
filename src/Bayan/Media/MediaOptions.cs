namespace Bayan.Media;

/// <summary>Where uploads are stored and how large they may be.</summary>
public sealed record MediaOptions(string Folder)
{
    public const long Megabyte = 1024 * 1024;

    public long MaxImageBytes { get; init; } = 15 * Megabyte;

    /// <summary>Scanned documents run larger than photos.</summary>
    public long MaxPdfBytes { get; init; } = 30 * Megabyte;

    public long MaxBytes(MediaKind kind) => kind.IsImage() ? MaxImageBytes : MaxPdfBytes;
}
