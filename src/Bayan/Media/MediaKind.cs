namespace Bayan.Media;

/// <summary>The kinds of file the media library takes; anything else is refused.</summary>
public enum MediaKind
{
    Jpeg,
    Png,
    Gif,
    WebP,
    Pdf,
}

public static class MediaKinds
{
    /// <summary>The most bytes <see cref="Detect"/> needs to see (WebP: "RIFF", a size, "WEBP").</summary>
    public const int HeaderLength = 12;

    /// <summary>
    /// The real kind of a file from its first bytes, or null for any other content. The name is
    /// never asked: a browser and an editor can both be wrong about it.
    /// </summary>
    public static MediaKind? Detect(ReadOnlySpan<byte> header) =>
        header switch
        {
            [0xFF, 0xD8, 0xFF, ..] => MediaKind.Jpeg,
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => MediaKind.Png,
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => MediaKind.Gif,
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => MediaKind.WebP,
            [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => MediaKind.Pdf,
            _ => null,
        };

    public static bool IsImage(this MediaKind kind) => kind != MediaKind.Pdf;

    /// <summary>What an editor calls it, after "a": "a PNG image", "a PDF".</summary>
    public static string Noun(this MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => "JPEG image",
        MediaKind.Png => "PNG image",
        MediaKind.Gif => "GIF image",
        MediaKind.WebP => "WebP image",
        _ => "PDF",
    };

    public static string ContentType(this MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => "image/jpeg",
        MediaKind.Png => "image/png",
        MediaKind.Gif => "image/gif",
        MediaKind.WebP => "image/webp",
        _ => "application/pdf",
    };

    /// <summary>The extension Bayan gives stored files of this kind.</summary>
    public static string Extension(this MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => ".jpg",
        MediaKind.Png => ".png",
        MediaKind.Gif => ".gif",
        MediaKind.WebP => ".webp",
        _ => ".pdf",
    };

    /// <summary>The kind a file name's extension claims, or null when it names none of them.</summary>
    public static MediaKind? FromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        // Browsers on Windows save some JPEGs as .jfif.
        ".jpg" or ".jpeg" or ".jfif" => MediaKind.Jpeg,
        ".png" => MediaKind.Png,
        ".gif" => MediaKind.Gif,
        ".webp" => MediaKind.WebP,
        ".pdf" => MediaKind.Pdf,
        _ => null,
    };
}
