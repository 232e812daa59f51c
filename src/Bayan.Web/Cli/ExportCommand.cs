using System.CommandLine;
using System.Diagnostics;
using Bayan.Data;
using Bayan.Exporting;
using Bayan.Localization;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan export --to DIR`: the whole site in Bayan's portable format (docs/export-format.md), one moment of it
/// while the site goes on serving and editors go on saving; `bayan import bayan DIR` reads it back.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var to = new Option<DirectoryInfo>("--to") { Description = "A new or empty folder to write the export into.", Required = true };
        var command = new Command("export", "Write the whole site (rows, media and a manifest with checksums) in Bayan's portable format.") { to };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var folder = parse.GetValue(to)!;
            if (folder.Exists && folder.EnumerateFileSystemInfos().Any())
            {
                await error.WriteLineAsync($"bayan: {Messages.Format("en", "export_to_not_empty", folder.FullName)}");
                return 1;
            }
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var watch = Stopwatch.StartNew();
            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            ExportManifest manifest;
            await using (await ReadSnapshot.BeginAsync(scope.ServiceProvider.GetRequiredService<BayanDb>(), ct))
                manifest = await scope.ServiceProvider.GetRequiredService<ExportWriter>().WriteAsync(new FolderSink(folder.FullName), progress, ct);
            progress.Done();
            var media = manifest.Files.Count(f => f.Path.StartsWith(ExportKinds.MediaFolder + "/", StringComparison.Ordinal));
            await output.WriteLineAsync(Messages.Format("en", "export_done", manifest.Kinds.Sum(k => k.Count), manifest.Kinds.Count, media,
                folder.FullName, watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
            return 0;
        }));
        return command;
    }
}
