using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp.Formats.Png;

namespace Bayan.Tests.Media;

[Trait(Suite.Category, Suite.Database)]
public sealed class MediaLibraryTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<AdminClient> SignedInAsync(int[]? offices = null, string[]? languages = null)
    {
        var user = await site.Seed.UserAsync(offices: offices, languages: languages);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    [Fact]
    public async Task An_editor_uploads_an_image_uses_it_as_featured_image_and_attaches_a_pdf()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        using var editor = await SignedInAsync(offices: [office.Id]);
        var name = Seed.Unique("صورة") + ".png";

        var image = await editor.UploadAsync("/admin/media", name, TestImages.Plain(1200, 600, new PngEncoder()));
        var pdf = await editor.UploadAsync("/admin/media", Seed.Unique("statement") + ".pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var items = await site.Seed.WithDbAsync(db => db.Media.OrderBy(m => m.CreatedAt).ToListAsync());
        var stored = items.Single(m => m.FileName == name);
        var document = items.Last(m => m.Kind == "Pdf");
        var served = await site.Http.GetAsync(stored.Url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", string.Join(" ", served.Headers.GetValues("Content-Security-Policy")));

        var set = await editor.PostFormAsync($"/admin/releases/{release.Id}", $"/admin/releases/{release.Id}?handler=Media",
            [new("featured", stored.Id.ToString()), new("attachments", document.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var (_, page) = await site.Http.GetPageAsync($"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}");
        var featured = page.QuerySelector("article.release img.featured")!.GetAttribute("src")!;
        Assert.Contains("-960.png", Uri.UnescapeDataString(featured));
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(featured)).StatusCode);
        Assert.Equal(document.Url, page.QuerySelector(".attachments a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_png_named_pdf_is_refused_with_a_clear_message_and_nothing_is_kept()
    {
        var office = await site.Seed.OfficeAsync();
        using var editor = await SignedInAsync(offices: [office.Id]);
        var before = await site.Seed.WithDbAsync(db => db.Media.CountAsync());
        var files = Directory.GetFiles(Path.Combine(site.DataFolder, "media"), "*", SearchOption.AllDirectories).Length;

        var response = await editor.UploadAsync("/admin/media", "report.pdf", TestImages.Plain(50, 50, new PngEncoder()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("report.pdf is a PNG image, not a PDF", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await site.Seed.WithDbAsync(db => db.Media.CountAsync()));
        Assert.Equal(files, Directory.GetFiles(Path.Combine(site.DataFolder, "media"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Translators_may_not_upload()
    {
        using var translator = await SignedInAsync(languages: ["en"]);
        var before = await site.Seed.WithDbAsync(db => db.Media.CountAsync());

        var response = await translator.UploadAsync("/admin/login", "x.png", TestImages.Plain(10, 10, new PngEncoder()));
        var direct = await translator.GetAsync("/admin/media");

        Assert.Contains("/admin/denied", direct.Headers.Location?.OriginalString ?? "");
        Assert.Equal(before, await site.Seed.WithDbAsync(db => db.Media.CountAsync()));
    }
}

/// <summary>A site that takes images of at most 20 KB, so an oversized upload is cheap to send.</summary>
public sealed class SmallUploadSite : TestSite
{
    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services,
            new Bayan.Media.MediaOptions(Path.Combine(DataFolder, "media")) { MaxImageBytes = 20 * 1024 });
}

[Trait(Suite.Category, Suite.Database)]
public sealed class OversizedUploadTests(SmallUploadSite site) : IClassFixture<SmallUploadSite>
{
    [Fact]
    public async Task An_oversized_image_is_refused_with_the_limit_and_nothing_is_kept()
    {
        var office = await site.Seed.OfficeAsync();
        var user = await site.Seed.UserAsync(offices: [office.Id]);
        using var editor = new AdminClient(site.BaseAddress);
        Assert.True(await editor.SignInAsync(user.Email!, Seed.Password));

        var response = await editor.UploadAsync("/admin/media", "big.png", TestImages.Noise(300, 300));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("MB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.Media.CountAsync()));
    }
}
