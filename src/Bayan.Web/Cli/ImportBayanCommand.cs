using System.CommandLine;
using System.Diagnostics;
using Bayan.Exporting;
using Bayan.Localization;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan import bayan DIR`: an export of `bayan export` into an empty site, on SQLite or PostgreSQL alike: the way
/// from one machine to several nodes. The export is checked whole before anything is written.
/// </summary>
internal static class ImportBayanCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder `bayan export --to` wrote." };
        var command = new Command("bayan", "Import an export of Bayan (bayan export) into this empty site, ids, accounts and history kept.") { folder };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var from = parse.GetValue(folder)!;
            if (!from.Exists)
            {
                await error.WriteLineAsync($"bayan: {Messages.Format("en", "import_file_missing", from.FullName)}");
                return 1;
            }
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var watch = Stopwatch.StartNew();
            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            var report = await scope.ServiceProvider.GetRequiredService<ImportBayan>().RunAsync(new FolderSource(from.FullName), progress, ct);
            progress.Done();
            if (report.Error is not null)
            {
                await error.WriteLineAsync($"bayan: {report.Error.In("en")}");
                return 1;
            }
            await output.WriteLineAsync(Messages.Format("en", "import_bayan_done", report.Rows.Sum(k => k.Count), report.Rows.Count, report.MediaFiles,
                report.Indexed, watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
            return 0;
        }));
        return command;
    }
}
