using System.CommandLine;
using System.Globalization;
using Bayan.Backup;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan backup --to FILE` or `bayan backup --to DIR [--keep N]`: a consistent copy of the whole site while it serves
/// (see Bayan.Backup.BackupFormat). The file is written under a passing name and renamed when whole, so a backup cut
/// short never stands under a real name, and --keep only ever counts whole ones.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var to = new Option<string>("--to") { Description = "A file (site.tar.gz), or a folder where a dated file is made (bayan-backup-2025-03-01T020000Z.tar.gz).", Required = true };
        var keep = new Option<int?>("--keep") { Description = "With a folder: keep the newest N backups in it, remove older ones." };
        var command = new Command("backup", "Write a backup of the whole site (database, media, keys) to one file, while it serves.") { to, keep };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var language = CliLanguage.Current;
            var target = parse.GetValue(to)!;
            var kept = parse.GetValue(keep);
            if (kept is < 1 or > 10_000)
                return await FailAsync(error, language, new Problem("backup_keep_invalid"));
            var isFolder = kept is not null || Directory.Exists(target) || target.EndsWith('/') || target.EndsWith(Path.DirectorySeparatorChar);
            if (isFolder && File.Exists(target))
                return await FailAsync(error, language, new Problem("backup_keep_needs_folder"));

            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var path = Path.GetFullPath(isFolder ? Path.Combine(target, BackupFormat.DatedFileName(now)) : target);
            var folder = Path.GetDirectoryName(path)!;
            var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await FailAsync(error, language, new Problem("backup_to_unusable", folder, e.Message));
            }

            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            FileStream? file = null;
            try
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<TakeBackup>().RunAsync(_ =>
                {
                    file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                    return Task.FromResult<Stream>(file);
                }, progress, ct);
                progress.Done();
                if (outcome is not Outcome.Done done)
                    return await FailAsync(error, language, ((Outcome.Invalid)outcome).Errors.Values.First());
                // On the disk before the name says the backup is whole.
                file!.Flush(flushToDisk: true);
                await file.DisposeAsync();
                File.Move(partial, path, overwrite: true);
                await output.WriteLineAsync(done.Message.In(language));
                await output.WriteLineAsync(path);
                if (kept is { } count)
                {
                    var removed = BackupFolder.Prune(folder, count);
                    await output.WriteLineAsync(Messages.Format(language, "backup_kept", count, folder, removed.Count));
                }
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await FailAsync(error, language, new Problem("backup_to_unusable", path, e.Message));
            }
            finally
            {
                if (file is not null)
                    await file.DisposeAsync();
                File.Delete(partial);
            }
        }));
        return command;
    }

    internal static async Task<int> FailAsync(TextWriter error, string language, Problem problem)
    {
        await error.WriteLineAsync($"bayan: {problem.In(language)}");
        return 1;
    }
}

/// <summary>
/// The language a command speaks: the system's (LANG, LC_ALL) when Bayan has a catalogue for it, else English. Messages
/// a person acts on (a refused restore) are read in the server room too.
/// </summary>
internal static class CliLanguage
{
    public static string Current
    {
        get
        {
            var code = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return Messages.Translated.Contains(code) ? code : Messages.Fallback;
        }
    }
}
