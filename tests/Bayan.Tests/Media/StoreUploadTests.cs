using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Bayan.Media;
using Bayan.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace Bayan.Tests.Media;

public sealed class StoreUploadTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 11, 21, 9, 30, 0, TimeSpan.Zero);

    // The media folder sits inside a folder of its own, so a test can see that nothing lands beside it.
    private readonly string root = Directory.CreateTempSubdirectory("bayan-media-").FullName;
    private string Folder => Path.Combine(root, "media");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task A_wide_png_is_kept_unchanged_with_three_narrower_renditions()
    {
        var png = TestImages.Plain(2000, 1000, new PngEncoder());

        var media = await StoredAsync("Press conference.png", png);

        Assert.True(Guid.TryParse(media.Id, out _));
        Assert.Equal(MediaKind.Png, media.Kind);
        Assert.Equal("Press conference.png", media.OriginalFileName);
        Assert.Equal(Now.UtcDateTime, media.CreatedAt);
        Assert.Equal($"2024/11/{media.Id}/press-conference.png", media.Original.Path);
        Assert.Equal(new MediaFile(media.Original.Path, 2000, 1000, png.Length, "image/png"), media.Original);
        Assert.Equal(png, File.ReadAllBytes(OnDisk(media.Original)));
        Assert.Equal([(480, 240), (960, 480), (1600, 800)], media.Renditions.Select(r => (r.Width!.Value, r.Height!.Value)));
        foreach (var rendition in media.Renditions)
        {
            Assert.Equal($"2024/11/{media.Id}/press-conference-{rendition.Width}.png", rendition.Path);
            Assert.Equal("image/png", rendition.ContentType);
            Assert.Equal(new FileInfo(OnDisk(rendition)).Length, rendition.Bytes);
            var info = Image.Identify(OnDisk(rendition));
            Assert.Equal((rendition.Width, rendition.Height), (info.Width, info.Height));
        }
        Assert.Equal(4, Directory.GetFiles(Path.Combine(Folder, "2024", "11", media.Id)).Length);
    }

    [Fact]
    public async Task A_small_jpeg_is_never_upscaled()
    {
        var media = await StoredAsync("portrait.jpg", TestImages.Plain(300, 200, new JpegEncoder()));

        var rendition = Assert.Single(media.Renditions);
        Assert.Equal((300, 200), (rendition.Width, rendition.Height));
        Assert.Equal("image/jpeg", rendition.ContentType);
        var info = Image.Identify(OnDisk(rendition));
        Assert.Equal((300, 200), (info.Width, info.Height));
    }

    public static TheoryData<string, string> ImageFormats => new()
    {
        { "picture.jpg", "image/jpeg" },
        { "picture.png", "image/png" },
        { "picture.gif", "image/gif" },
        { "picture.webp", "image/webp" },
    };

    [Theory]
    [MemberData(nameof(ImageFormats))]
    public async Task Renditions_keep_the_format_of_the_original(string fileName, string contentType)
    {
        IImageEncoder encoder = Path.GetExtension(fileName) switch
        {
            ".jpg" => new JpegEncoder(),
            ".png" => new PngEncoder(),
            ".gif" => new GifEncoder(),
            _ => new WebpEncoder(),
        };

        var media = await StoredAsync(fileName, TestImages.Plain(1000, 500, encoder));

        Assert.Equal(contentType, media.Original.ContentType);
        Assert.Equal([480, 960, 1000], media.Renditions.Select(r => r.Width!.Value));
        foreach (var rendition in media.Renditions)
        {
            Assert.Equal(contentType, rendition.ContentType);
            Assert.Equal(contentType, Image.DetectFormat(OnDisk(rendition)).DefaultMimeType);
        }
    }

    [Fact]
    public async Task Renditions_are_turned_upright_and_carry_no_metadata()
    {
        using var photo = new Image<Rgb24>(200, 100, new Rgb24(0, 0, 128));
        photo.Metadata.ExifProfile = new ExifProfile();
        photo.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6); // the camera was turned a quarter
        photo.Metadata.ExifProfile.SetValue(ExifTag.Artist, "exif-secret");
        photo.Metadata.IptcProfile = new IptcProfile();
        photo.Metadata.IptcProfile.SetValue(IptcTag.Byline, "iptc-secret");
        photo.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
            "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>xmp-secret</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"));
        var jpeg = TestImages.Encode(photo, new JpegEncoder());

        var media = await StoredAsync("field.jpg", jpeg);

        Assert.Equal((100, 200), (media.Original.Width, media.Original.Height));
        Assert.Equal(jpeg, File.ReadAllBytes(OnDisk(media.Original)));
        var rendition = Assert.Single(media.Renditions);
        var bytes = Encoding.Latin1.GetString(File.ReadAllBytes(OnDisk(rendition)));
        Assert.DoesNotContain("secret", bytes);
        using var written = Image.Load(OnDisk(rendition));
        Assert.Equal((100, 200), (written.Width, written.Height));
        Assert.Null(written.Metadata.ExifProfile);
    }

    [Fact]
    public async Task A_colour_profile_that_cannot_be_applied_does_not_refuse_the_image()
    {
        using var image = new Image<Rgb24>(600, 300, new Rgb24(200, 30, 30));
        var profile = new byte[300];
        new Random(1).NextBytes(profile);
        BinaryPrimitives.WriteInt32BigEndian(profile, profile.Length);
        "acsp"u8.CopyTo(profile.AsSpan(36));
        image.Metadata.IccProfile = new IccProfile(profile);

        var media = await StoredAsync("graphic.png", TestImages.Encode(image, new PngEncoder()));

        Assert.Equal([480, 600], media.Renditions.Select(r => r.Width!.Value));
        using var written = Image.Load(OnDisk(media.Renditions[0]));
        Assert.Null(written.Metadata.IccProfile);
    }

    [Fact]
    public async Task A_real_pdf_is_kept_as_it_is_without_renditions()
    {
        var pdf = TestImages.MinimalPdf();

        var media = await StoredAsync("Annual report 2024.pdf", pdf);

        Assert.Equal(MediaKind.Pdf, media.Kind);
        Assert.Equal(new MediaFile($"2024/11/{media.Id}/annual-report-2024.pdf", null, null, pdf.Length, "application/pdf"), media.Original);
        Assert.Empty(media.Renditions);
        Assert.Equal(pdf, File.ReadAllBytes(OnDisk(media.Original)));
    }

    [Theory]
    [InlineData("../../etc/passwd.png")]
    [InlineData(@"..\..\etc\passwd.png")]
    [InlineData("/etc/passwd.png")]
    public async Task Path_characters_in_the_name_cannot_place_files_outside_the_folder(string fileName)
    {
        var media = await StoredAsync(fileName, TestImages.Plain(100, 100, new PngEncoder()));

        Assert.Equal($"2024/11/{media.Id}/passwd.png", media.Original.Path);
        Assert.Equal("passwd.png", media.OriginalFileName);
        Assert.StartsWith(Path.Combine(Folder, "2024"), Path.GetFullPath(OnDisk(media.Original)));
        Assert.Equal(["media"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Arabic_names_stay_readable()
    {
        var media = await StoredAsync("بيان المكتب الإعلامي.png", TestImages.Plain(600, 300, new PngEncoder()));

        Assert.Equal("بيان المكتب الإعلامي.png", media.OriginalFileName);
        Assert.Equal($"2024/11/{media.Id}/بيان-المكتب-الإعلامي.png", media.Original.Path);
        Assert.Equal($"2024/11/{media.Id}/بيان-المكتب-الإعلامي-480.png", media.Renditions[0].Path);
        Assert.True(File.Exists(OnDisk(media.Original)));
    }

    [Fact]
    public async Task Folders_are_named_by_the_gregorian_month_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
        try
        {
            var media = await StoredAsync("x.pdf", TestImages.MinimalPdf());

            Assert.StartsWith("2024/11/", media.Original.Path);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task A_png_named_as_a_pdf_is_refused_with_what_it_really_is()
    {
        var message = await RefusedAsync("report.pdf", TestImages.Plain(10, 10, new PngEncoder()));

        Assert.Equal("report.pdf is a PNG image, not a PDF.", message);
    }

    [Fact]
    public async Task A_text_file_is_refused() =>
        Assert.Equal(
            "notes.txt is not a JPEG, PNG, GIF or WebP image or a PDF; the media library takes only those.",
            await RefusedAsync("notes.txt", "Minister's remarks, draft 3"u8.ToArray()));

    [Fact]
    public async Task An_image_renamed_to_text_is_refused() =>
        Assert.Equal(
            "photo.txt is a JPEG image, not a .txt file; name it with .jpg.",
            await RefusedAsync("photo.txt", TestImages.Plain(10, 10, new JpegEncoder())));

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    public async Task An_empty_file_is_refused(long declaredLength) =>
        Assert.Equal("photo.jpg is empty.", await RefusedAsync("photo.jpg", [], declaredLength: declaredLength));

    [Fact]
    public async Task An_image_over_the_limit_is_refused_with_the_limit_in_megabytes()
    {
        var options = new MediaOptions(Folder) { MaxImageBytes = MediaOptions.Megabyte / 2 };

        var message = await RefusedAsync("noise.png", TestImages.Noise(600, 600), options);

        Assert.Equal("noise.png is larger than 0.5 MB, the most an image may be.", message);
    }

    [Fact]
    public async Task A_file_larger_than_it_declared_is_refused_once_it_passes_the_limit()
    {
        var options = new MediaOptions(Folder) { MaxImageBytes = MediaOptions.Megabyte / 2 };

        var message = await RefusedAsync("noise.png", TestImages.Noise(600, 600), options, declaredLength: 1_000);

        Assert.Equal("noise.png is larger than 0.5 MB, the most an image may be.", message);
    }

    [Fact]
    public async Task A_pdf_has_its_own_limit()
    {
        var options = new MediaOptions(Folder) { MaxPdfBytes = 2 * MediaOptions.Megabyte };
        var pdf = new byte[3 * MediaOptions.Megabyte];
        TestImages.MinimalPdf().CopyTo(pdf, 0);

        Assert.Equal("big.pdf is larger than 2 MB, the most a PDF may be.", await RefusedAsync("big.pdf", pdf, options));
    }

    [Fact]
    public async Task A_file_shorter_than_it_declared_is_refused() =>
        Assert.Equal(
            $"x.pdf arrived incomplete ({TestImages.MinimalPdf().Length} of 5,000 bytes); upload it again.",
            await RefusedAsync("x.pdf", TestImages.MinimalPdf(), declaredLength: 5_000));

    [Fact]
    public async Task A_cut_off_png_is_refused()
    {
        var png = TestImages.Noise(200, 200);

        var message = await RefusedAsync("cut.png", png[..(png.Length / 2)]);

        Assert.Equal("cut.png looks like a PNG image but cannot be read; it may be damaged or cut short.", message);
    }

    [Fact]
    public async Task A_png_with_a_damaged_header_is_refused()
    {
        var png = TestImages.Plain(100, 100, new PngEncoder());
        png.AsSpan(12, 20).Fill(0xEE);

        Assert.Equal(
            "broken.png looks like a PNG image but cannot be read; it may be damaged or cut short.",
            await RefusedAsync("broken.png", png));
    }

    [Fact]
    public async Task An_image_over_twelve_thousand_pixels_on_a_side_is_refused() =>
        Assert.Equal(
            "banner.png is 12001×1 pixels; an image can be at most 12,000 pixels on each side.",
            await RefusedAsync("banner.png", TestImages.Plain(12_001, 1, new PngEncoder())));

    [Fact]
    public async Task An_animation_too_large_to_decode_is_refused_before_decoding() =>
        Assert.Equal(
            "bomb.gif has 2 frames of 12000×12000 pixels, more than Bayan can resize; make the animation smaller or shorter.",
            await RefusedAsync("bomb.gif", TestImages.GifBomb()));

    private StoreUpload Store(MediaOptions? options = null) =>
        new(options ?? new MediaOptions(Folder), new ManualClock(Now));

    private async Task<StoredMedia> StoredAsync(string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var result = await Store().RunAsync(fileName, stream, content.Length, CancellationToken.None);
        return Assert.IsType<UploadResult.Stored>(result).Media;
    }

    /// <summary>Stores what must be refused, and checks that the refusal left nothing behind.</summary>
    private async Task<string> RefusedAsync(string fileName, byte[] content, MediaOptions? options = null, long? declaredLength = null)
    {
        using var stream = new MemoryStream(content);
        var result = await Store(options).RunAsync(fileName, stream, declaredLength ?? content.Length, CancellationToken.None);
        var left = Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories);
        Assert.True(left.Length == 0 || left.SequenceEqual([Folder]), $"Left on disk: {string.Join(", ", left)}");
        return Assert.IsType<UploadResult.Refused>(result).Message;
    }

    private string OnDisk(MediaFile file) => Path.Combine(Folder, file.Path);
}
