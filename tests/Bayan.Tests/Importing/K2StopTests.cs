using Bayan.Importing;
using Bayan.Importing.K2;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Importing;

/// <summary>
/// A K2 import killed at any point (kill -9, a power cut) and run again: nothing made twice, no release that no
/// record of the import knows, and the same site as an import never stopped. The site's database commands fail
/// from a chosen one on (<see cref="WordPressStopTests.DyingSite"/>), as a killed process sends none.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class K2StopTests(WordPressStopTests.DyingSite site) : IClassFixture<WordPressStopTests.DyingSite>
{
    private async Task<ImportReport> ImportAsync(K2Database source, string office)
    {
        using var scope = site.Services.CreateScope();
        // Two items a batch: a run dies with some batches committed and one open.
        scope.ServiceProvider.GetRequiredService<ImportBatch>().Size = 2;
        var report = await scope.ServiceProvider.GetRequiredService<ImportK2>().RunAsync(
            new K2ImportOptions(source.ConnectionString, K2Database.Prefix, office), new Progress<(string, int, int)>(), CancellationToken.None);
        Assert.Null(report.Error);
        return report;
    }

    /// <summary>What readers and editors would find of the office: each release's status, number, title, revisions and comments.</summary>
    private Task<List<string>> SiteOfAsync(string office) => site.Seed.WithDbAsync(async db =>
        (await db.Releases.AsNoTracking().Where(r => r.Office.Code == office)
            .Select(r => new
            {
                r.Status,
                r.Sequence,
                Versions = r.Versions.Select(v => v.Language + ":" + v.Title + ":" + v.Revisions.Count + ":" + db.Comments.Count(c => c.ReleaseVersionId == v.Id)).ToList(),
            })
            .ToListAsync())
        .Select(r => $"{r.Status} {r.Sequence} {string.Join(" | ", r.Versions)}").Order().ToList());

    private Task<List<int>> OrphansAsync(string office) => site.Seed.WithDbAsync(async db =>
    {
        var known = await db.ImportedItems.Where(i => i.Source == ImportK2.Source && i.Kind == ImportKinds.Post && i.TargetId != null)
            .Select(i => i.TargetId!).ToListAsync();
        var releases = await db.Releases.Where(r => r.Office.Code == office).Select(r => r.Id).ToListAsync();
        return releases.Where(id => !known.Contains(id.ToString())).ToList();
    });

    private static async Task<K2Database> SourceAsync()
    {
        var source = await K2Database.CreateAsync();
        await K2Fixture.FillAsync(source, Guid.NewGuid().ToString("N")[..6]);
        return source;
    }

    [Fact]
    public async Task An_import_killed_at_any_point_and_run_again_leaves_no_orphan_and_nothing_twice()
    {
        var whole = await site.Seed.OfficeAsync();
        await using var first = await SourceAsync();
        var commands = await site.CountAsync(() => ImportAsync(first, whole.Code));
        var expected = await SiteOfAsync(whole.Code);
        Assert.Equal(7, expected.Count);
        Assert.Equal(3, expected.Count(r => r.StartsWith(nameof(ReleaseStatus.Published), StringComparison.Ordinal)));

        // Killed at commands spread over the whole run: categories, items with comments, publishing.
        const int Points = 8;
        for (var point = 1; point <= Points; point++)
        {
            var office = await site.Seed.OfficeAsync();
            await using var source = await SourceAsync();
            await site.DieAtAsync(commands * point / (Points + 1), () => ImportAsync(source, office.Code));

            await ImportAsync(source, office.Code);

            Assert.Empty(await OrphansAsync(office.Code));
            Assert.Equal(expected, await SiteOfAsync(office.Code));
        }
    }
}
