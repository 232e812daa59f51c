using System.Globalization;

namespace Bayan.Media;

/// <summary>One resized copy of an image: its address and width in pixels.</summary>
public sealed record MediaRendition(string Url, int Width);

/// <summary>Reads <see cref="MediaItem.Renditions"/>, kept as a srcset reads it ("/media/a-480.jpg 480w, ...").</summary>
public static class MediaRenditions
{
    public static IReadOnlyList<MediaRendition> Of(MediaItem item) =>
        [.. item.Renditions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 2 && p[1].EndsWith('w')
                && int.TryParse(p[1].AsSpan(0, p[1].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => new MediaRendition(p[0], int.Parse(p[1].AsSpan(0, p[1].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Width)];
}
