using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Bayan.Tests.Media;

/// <summary>Small real files made on the spot, so every test shows what it feeds in.</summary>
internal static class TestImages
{
    public static byte[] Plain(int width, int height, IImageEncoder encoder)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(46, 139, 87));
        return Encode(image, encoder);
    }

    /// <summary>Random pixels do not compress, so the file size follows the pixel count.</summary>
    public static byte[] Noise(int width, int height)
    {
        var random = new Random(7);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        return Encode(image, new PngEncoder());
    }

    public static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    public static byte[] MinimalPdf() => Encoding.ASCII.GetBytes("""
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """);

    /// <summary>
    /// A GIF written by hand: a canvas of 12,000×12,000 pixels with two one-pixel frames. Small
    /// on disk, but decoding it would allocate the whole canvas for every frame.
    /// </summary>
    public static byte[] GifBomb()
    {
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange([0xE0, 0x2E, 0xE0, 0x2E, 0x80, 0x00, 0x00]); // 12000×12000, a global table of two colours
        gif.AddRange([0, 0, 0, 255, 255, 255]);
        for (var frame = 0; frame < 2; frame++)
        {
            gif.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // a 1×1 frame at the top left
            gif.AddRange([0x02, 0x02, 0x44, 0x01, 0x00]); // LZW: clear, colour 0, end
        }
        gif.Add(0x3B);
        return [.. gif];
    }
}
