using Bayan.Backup;
using Bayan.Data;
using Bayan.Localization;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Backup;

/// <summary>What `bayan restore` refuses: a damaged or cut backup, a folder that holds a site; and what --replace keeps when it fails.</summary>
public sealed class BackupRefusalTests(SqliteSite site) : IClassFixture<SqliteSite>, IAsyncLifetime
{
    private string file = "";
    private Releases.Release release = null!;

    public async Task InitializeAsync()
    {
        var office = await site.Seed.OfficeAsync();
        release = await site.Seed.ReleaseAsync(office);
        file = Backups.TempPath("good.tar.gz");
        var (exit, _, error) = await Backups.CliAsync(["backup", "--to", file, .. site.CommandLineSwitches()]);
        Assert.True(exit == 0, error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_backup_with_one_changed_byte_is_refused_and_nothing_is_written()
    {
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        var damaged = Backups.TempPath("damaged.tar.gz");
        await File.WriteAllBytesAsync(damaged, bytes);
        var target = Backups.TempPath("target");

        var (exit, output, error) = await Backups.CliAsync("restore", damaged, "--data", target);

        Assert.Equal(1, exit);
        Assert.Contains("damaged", error);
        Assert.Contains("Nothing was written.", error);
        Assert.DoesNotContain("Restored", output);
        Assert.Empty(Backups.FilesUnder(target));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    public async Task A_cut_backup_is_refused_and_nothing_is_written(int divisor)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        // Cut in the middle, or just before the end, where only the manifest and its checksum are lost.
        var cut = Backups.TempPath("cut.tar.gz");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length - Math.Max(24, bytes.Length / divisor))]);
        var target = Backups.TempPath("target");

        var (exit, _, error) = await Backups.CliAsync("restore", cut, "--data", target);

        Assert.Equal(1, exit);
        Assert.Matches("(incomplete|damaged)", error);
        Assert.Contains("Nothing was written.", error);
        Assert.Empty(Backups.FilesUnder(target));
    }

    [Fact]
    public async Task A_refusal_is_in_the_language_of_the_person_at_the_terminal()
    {
        var (exit, _, error) = await Backups.CliInAsync("ar", ["restore", file, .. site.CommandLineSwitches()]);

        Assert.Equal(1, exit);
        Assert.Contains(Messages.Format("ar", "backup_target_not_empty", site.DataFolder), error);
    }

    [Fact]
    public async Task A_folder_that_holds_a_site_is_refused_without_replace_and_keeps_serving()
    {
        var before = await site.Seed.CountReleasesAsync();

        var (exit, _, error) = await Backups.CliAsync(["restore", file, .. site.CommandLineSwitches()]);

        Assert.Equal(1, exit);
        Assert.Contains("already holds a site", error);
        Assert.Contains("--replace", error);
        Assert.Equal(before, await site.Seed.CountReleasesAsync());
        Assert.Empty(Directory.GetDirectories(site.DataFolder, ".restore-*"));
    }

    [Fact]
    public async Task Replace_puts_the_backup_in_place_of_the_old_data_and_keeps_the_old_data_when_it_fails()
    {
        // A folder with a site of its own: the backup, restored, plus a release made there since.
        var target = Backups.TempPath("replaced");
        Assert.Equal(0, (await Backups.CliAsync("restore", file, "--data", target)).Exit);
        var (newer, later) = await AddReleaseAsync(target);
        var filesBefore = Backups.FilesUnder(Path.Combine(target, "media")).Length;

        var lying = Backups.TempPath("lying.tar.gz");
        await Backups.WriteLyingCopyAsync(file, lying);
        var (exit, _, error) = await Backups.CliAsync("restore", lying, "--data", target, "--replace");

        Assert.Equal(1, exit);
        Assert.Contains("does not hold what its manifest says", error);
        Assert.Contains("Nothing was changed.", error);
        await using (var kept = await RestoredSite.StartAsync(target))
        {
            Assert.Equal(later, await CountAsync(kept));
            Assert.Contains(newer, await kept.Http.GetStringAsync("/ar/"));
        }
        Assert.Equal(filesBefore, Backups.FilesUnder(Path.Combine(target, "media")).Length);
        Assert.DoesNotContain(Directory.GetDirectories(target), d => Path.GetFileName(d).StartsWith('.'));

        (exit, var output, error) = await Backups.CliAsync("restore", file, "--data", target, "--replace");

        Assert.True(exit == 0, error);
        Assert.Contains("Restored", output);
        await using (var replaced = await RestoredSite.StartAsync(target))
        {
            Assert.Equal(later - 1, await CountAsync(replaced));
            var home = await replaced.Http.GetStringAsync("/ar/");
            Assert.DoesNotContain(newer, home);
            Assert.Contains(release.Versions[0].Title, home);
        }
        Assert.DoesNotContain(Directory.GetDirectories(target), d => Path.GetFileName(d).StartsWith('.'));
    }

    /// <summary>Adds a release to the site in a restored folder (stopped again after); returns its title and the folder's count.</summary>
    private static async Task<(string Title, int Count)> AddReleaseAsync(string folder)
    {
        await using var restored = await RestoredSite.StartAsync(folder);
        var seed = new Seed(restored.Services);
        var office = await seed.OfficeAsync();
        var added = await seed.ReleaseAsync(office);
        return (added.Versions[0].Title, await seed.CountReleasesAsync());
    }

    private static async Task<int> CountAsync(RestoredSite restored)
    {
        using var scope = restored.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BayanDb>().Releases.CountAsync();
    }
}
