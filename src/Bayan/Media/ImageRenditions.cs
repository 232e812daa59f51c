using Bayan.Operations;
using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Bayan.Media;

internal sealed record Rendition(string FileName, int Width, int Height, long Bytes);

/// <summary>
/// The image's size as shown (turned upright) and the renditions written, or why the image cannot
/// be used (and then none were written).
/// </summary>
internal sealed record RenditionsOutcome(int Width, int Height, IReadOnlyList<Rendition> Renditions, string? Problem = null)
{
    public static RenditionsOutcome Refused(string problem) => new(0, 0, [], problem);
}

/// <summary>
/// Checks an uploaded image and writes its resized copies for pages to show. This is the one file
/// that knows the image library.
/// </summary>
internal static class ImageRenditions
{
    public const int MaxSide = 12_000;

    /// <summary>The widths pages choose from (srcset); an image narrower than one gets its own width instead.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    /// <summary>
    /// Animated GIF and WebP decode every frame at full size, so a small file can ask for gigabytes;
    /// this caps an animation at the memory of the largest still image.
    /// </summary>
    private const long MaxPixels = (long)MaxSide * MaxSide;

    public static async Task<RenditionsOutcome> WriteAsync(string originalPath, UploadName name, MediaKind kind, string folder, CancellationToken ct)
    {
        try
        {
            // The header alone tells the size, so an oversized image is refused before it takes any memory.
            var info = await Image.IdentifyAsync(originalPath);
            if (info is null)
                return RenditionsOutcome.Refused($"{name.Display} looks like a {kind.Noun()} but cannot be read; it may be damaged or cut short.");
            if (info.Width > MaxSide || info.Height > MaxSide)
                return RenditionsOutcome.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"{name.Display} is {info.Width}×{info.Height} pixels; an image can be at most {MaxSide:N0} pixels on each side."));

            using var image = await Image.LoadAsync(originalPath, ct);
            // The header does not say how many frames an animation has; the decoded image does.
            var frames = image.Frames.Count;
            if ((long)image.Width * image.Height * frames > MaxPixels)
                return RenditionsOutcome.Refused($"{name.Display} has {frames} frames of {image.Width}×{image.Height} pixels, more than Bayan can resize; make the animation smaller or shorter.");
            image.Mutate(i => i.AutoOrient());
            StripMetadata(image);
            var renditions = new List<Rendition>();
            foreach (var width in Widths.Select(w => Math.Min(w, image.Width)).Distinct())
            {
                using var resized = image.Clone(i => i.Resize(width, 0));
                var fileName = name.StoredName(kind, $"-{width}");
                var path = Path.Combine(folder, fileName);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await resized.SaveAsync(file, EncoderFor(kind), ct);
                    // On the disk before the upload's folder is renamed into place, as the original is.
                    file.Flush(flushToDisk: true);
                }
                renditions.Add(new(fileName, resized.Width, resized.Height, new FileInfo(path).Length));
            }
            return new(image.Width, image.Height, renditions);
        }
        catch (ImageFormatException)
        {
            return RenditionsOutcome.Refused($"{name.Display} looks like a {kind.Noun()} but cannot be read; it may be damaged or cut short.");
        }
    }

    /// <summary>
    /// Camera serials, GPS positions and authors' names must not reach the public site: every
    /// profile is removed before the renditions are written.
    /// </summary>
    private static void StripMetadata(Image image)
    {
        foreach (var metadata in image.Frames.Select(f => f.Metadata))
        {
            metadata.ExifProfile = null;
            metadata.XmpProfile = null;
            metadata.IptcProfile = null;
            metadata.IccProfile = null;
        }
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
    }

    /// <summary>Each rendition keeps its original's format: a PNG its transparency, a GIF its animation.</summary>
    private static IImageEncoder EncoderFor(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => new JpegEncoder { Quality = 82 },
        MediaKind.Png => new PngEncoder(),
        MediaKind.Gif => new GifEncoder(),
        MediaKind.WebP => new WebpEncoder { Quality = 80 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only images have renditions."),
    };
}
