using System.Net;
using Bayan.Accounts;
using Bayan.Media;
using Bayan.Tests.Media;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp.Formats.Png;

namespace Bayan.Tests.Checking;

/// <summary>`bayan check --repair` and the media folder: it makes missing resized copies again, names a lost original, clears unfinished uploads.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class MediaCheckTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Missing_resized_images_are_made_again_a_lost_original_is_named_and_unfinished_uploads_are_cleared()
    {
        var kept = await UploadAsync("kept.png");
        var lost = await UploadAsync("lost.png");
        var folder = site.Services.GetRequiredService<MediaOptions>().Folder;
        var rendition = MediaRenditions.Of(kept).First().Url;
        File.Delete(PathOf(folder, rendition));
        File.Delete(PathOf(folder, lost.Url));
        var unfinished = Directory.CreateDirectory(Path.Combine(folder, ".incoming-" + Guid.NewGuid().ToString("N")));
        File.WriteAllBytes(Path.Combine(unfinished.FullName, "half.png"), [1, 2, 3]);
        Directory.SetLastWriteTimeUtc(unfinished.FullName, site.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(-2));
        var stray = Path.Combine(folder, "by-hand.txt");
        File.WriteAllText(stray, "a file someone put here");
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(rendition)).StatusCode);

        var (repairedExit, repaired, _) = await RunAsync("check", "--repair");

        Assert.Equal(1, repairedExit);
        Assert.Contains($"✓ [media] kept.png (media {kept.Id}): 1 resized copies were missing.", repaired);
        Assert.Contains($"✗ [media] The file of lost.png (media {lost.Id}) is missing", repaired);
        Assert.Contains($"✓ [media] An upload that never finished left the folder {unfinished.Name}", repaired);
        Assert.Contains("· [media] The file by-hand.txt in the media folder belongs to no media item", repaired);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(rendition)).StatusCode);
        Assert.False(Directory.Exists(unfinished.FullName));
        Assert.True(File.Exists(stray));
        Assert.True(await site.Seed.WithDbAsync(db => db.Media.AnyAsync(m => m.Id == lost.Id)));
    }

    private async Task<MediaItem> UploadAsync(string name)
    {
        var editor = Actor.From(await site.Seed.UserAsync(administrator: true));
        var bytes = TestImages.Plain(1200, 800, new PngEncoder());
        var outcome = await site.InScopeAsync(s => s.GetRequiredService<UploadMedia>().RunAsync(editor, name, new MemoryStream(bytes), bytes.Length, default));
        return outcome.Item!;
    }

    private static string PathOf(string folder, string url) =>
        Path.Combine(Path.GetFullPath(folder), Uri.UnescapeDataString(url[UploadMedia.UrlPrefix.Length..]));

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => CheckRun.RunAsync(site, args);
}
