using System.CommandLine;
using Bayan.Backup;
using Bayan.Operations;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan restore FILE [--replace]`, with Bayan stopped: puts a backup in place of the data folder's site (and database).
/// Every checksum is verified before anything is written; an older backup is migrated and the search index rebuilt.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup made by bayan backup (or downloaded from the back office)." };
        var replace = new Option<bool>("--replace") { Description = "Restore over a site that has data; the present data is kept aside until the restore has succeeded." };
        var command = new Command("restore", "Restore a backup into an empty data folder (stop Bayan first).") { file, replace };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var language = CliLanguage.Current;
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
                return await BackupCommand.FailAsync(error, language, new Problem("backup_file_missing", path));
            // Built, not prepared: a start would migrate (or make) the very database the restore is to replace.
            var app = BayanWebApp.Build(settings(parse));
            using var scope = app.Services.CreateScope();
            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            var outcome = await scope.ServiceProvider.GetRequiredService<RestoreSite>().RunAsync(path, parse.GetValue(replace), progress, ct);
            progress.Done();
            if (outcome is not Outcome.Done done)
                return await BackupCommand.FailAsync(error, language, ((Outcome.Invalid)outcome).Errors.Values.First());
            await output.WriteLineAsync(done.Message.In(language));
            return 0;
        }));
        return command;
    }
}
