using Bayan.Media;

namespace Bayan.Tests.Media;

public sealed class UploadNameTests
{
    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData(@"C:\Users\editor\Desktop\photo.jpg", "photo.jpg")]
    [InlineData("folder/", "")]
    public void Folders_before_the_name_are_dropped(string fileName, string expected) =>
        Assert.Equal(expected, UploadName.From(fileName).Display);

    [Theory]
    [InlineData("Minister's visit (1).JPEG", MediaKind.Jpeg, "", "ministers-visit-1.jpg")]
    [InlineData("../../etc/passwd.png", MediaKind.Png, "-480", "passwd-480.png")]
    [InlineData("بيان صحفي.png", MediaKind.Png, "", "بيان-صحفي.png")]
    [InlineData("تقرير ٢٠٢٤.pdf", MediaKind.Pdf, "", "تقرير-٢٠٢٤.pdf")]
    [InlineData("...png", MediaKind.Png, "", "file.png")]
    [InlineData("scan", MediaKind.Pdf, "", "scan.pdf")]
    public void Stored_names_are_slugs_with_the_real_extension(string fileName, MediaKind kind, string suffix, string expected) =>
        Assert.Equal(expected, UploadName.From(fileName).StoredName(kind, suffix));

    [Theory]
    [InlineData("report.pdf", MediaKind.Png, "report.pdf is a PNG image, not a PDF.")]
    [InlineData("photo.png", MediaKind.Jpeg, "photo.png is a JPEG image, not a PNG image.")]
    [InlineData("notes.txt", MediaKind.Png, "notes.txt is a PNG image, not a .txt file; name it with .png.")]
    public void A_name_that_claims_another_kind_is_contradicted(string fileName, MediaKind actual, string expected) =>
        Assert.Equal(expected, UploadName.From(fileName).Contradiction(actual));

    [Theory]
    [InlineData("photo.JPG", MediaKind.Jpeg)]
    [InlineData("photo.jpeg", MediaKind.Jpeg)]
    [InlineData("scan", MediaKind.Pdf)]
    [InlineData("scan.", MediaKind.Pdf)]
    public void A_name_that_agrees_or_claims_nothing_stands(string fileName, MediaKind actual) =>
        Assert.Null(UploadName.From(fileName).Contradiction(actual));
}
