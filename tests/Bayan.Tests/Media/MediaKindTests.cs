using Bayan.Media;

namespace Bayan.Tests.Media;

public sealed class MediaKindTests
{
    [Theory]
    [InlineData("FF D8 FF E0 00 10 4A 46 49 46 00 01", MediaKind.Jpeg)]
    [InlineData("89 50 4E 47 0D 0A 1A 0A 00 00 00 0D", MediaKind.Png)]
    [InlineData("47 49 46 38 37 61 01 00 01 00 80 00", MediaKind.Gif)]
    [InlineData("47 49 46 38 39 61 01 00 01 00 80 00", MediaKind.Gif)]
    [InlineData("52 49 46 46 24 00 00 00 57 45 42 50", MediaKind.WebP)]
    [InlineData("25 50 44 46 2D 31 2E 34 0A 25 E2 E3", MediaKind.Pdf)]
    [InlineData("25 50 44 46 2D", MediaKind.Pdf)]
    public void The_first_bytes_tell_the_kind(string hex, MediaKind expected) =>
        Assert.Equal(expected, MediaKinds.Detect(Convert.FromHexString(hex.Replace(" ", ""))));

    [Theory]
    [InlineData("")]
    [InlineData("FF D8")]
    [InlineData("89 50 4E 47 0D 0A 1A")]
    [InlineData("47 49 46 38 38 61 01 00")]
    [InlineData("52 49 46 46 24 00 00 00 57 41 56 45")]
    [InlineData("42 4D 36 00 0C 00 00 00 00 00 36 00")]
    [InlineData("3C 73 76 67 20 78 6D 6C 6E 73 3D 22")]
    [InlineData("25 50 44 46 31 2E 34")]
    public void Other_content_has_no_kind(string hex) =>
        Assert.Null(MediaKinds.Detect(Convert.FromHexString(hex.Replace(" ", ""))));

    [Theory]
    [InlineData(".jpg", MediaKind.Jpeg)]
    [InlineData(".JPEG", MediaKind.Jpeg)]
    [InlineData(".jfif", MediaKind.Jpeg)]
    [InlineData(".Png", MediaKind.Png)]
    [InlineData(".webp", MediaKind.WebP)]
    [InlineData(".pdf", MediaKind.Pdf)]
    [InlineData(".exe", null)]
    [InlineData("", null)]
    public void Extensions_claim_a_kind(string extension, MediaKind? expected) =>
        Assert.Equal(expected, MediaKinds.FromExtension(extension));
}
