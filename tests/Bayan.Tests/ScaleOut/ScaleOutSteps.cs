using Bayan.Offices;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Tests.Numbering;

namespace Bayan.Tests.ScaleOut;

/// <summary>What the scale-out tests do on a node: make releases and publish them as an editor would.</summary>
internal static class ScaleOutSteps
{
    /// <summary>Releases in review (or scheduled, when given a time), in Arabic and English, titled after <paramref name="title"/> and their position.</summary>
    public static Task<List<int>> ReleasesAsync(Node node, Office office, string title, int count, DateTime? scheduledFor = null) =>
        node.Seed.WithDbAsync(async db =>
        {
            var releases = Enumerable.Range(0, count).Select(i => new Release
            {
                OfficeId = office.Id,
                OriginalLanguage = "ar",
                Status = scheduledFor is null ? ReleaseStatus.InReview : ReleaseStatus.Scheduled,
                PublishAt = scheduledFor,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                Versions =
                [
                    new ReleaseVersion { Language = "ar", Title = $"بيان {title} {i}", Slug = $"{title}-{i}-ar" },
                    new ReleaseVersion { Language = "en", Title = $"Statement {title} {i}", Slug = $"{title}-{i}" },
                ],
            }).ToList();
            db.Releases.AddRange(releases);
            await db.SaveChangesAsync();
            return releases.Select(r => r.Id).ToList();
        });

    public static async Task<int> PublishedAsync(Node node, Office office, string title)
    {
        var id = (await ReleasesAsync(node, office, title, 1))[0];
        Assert.IsType<Outcome.Done>(await NumberingTests.PublishAsync(node.Services, id));
        return id;
    }

    public static async Task<bool> ShowsAsync(Node node, string path, string text)
    {
        var response = await node.Http.GetAsync(path);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal);
    }
}
