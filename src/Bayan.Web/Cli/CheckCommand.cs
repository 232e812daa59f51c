using System.CommandLine;
using Bayan.Checking;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan check [--repair]`: verifies the database, the search index against the releases and the
/// media files against the library, and with --repair puts right what can be. Safe while Bayan serves.
/// Exit code 0 when nothing is left wrong, 1 when something is (a person must act), as scripts and
/// monitoring read it.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var repair = new Option<bool>("--repair") { Description = "Put right what can be: rewrite the search index where it differs, make missing resized images again, remove unfinished uploads." };
        var command = new Command("check", "Verify the database, the search index and the media files (and repair them with --repair).") { repair };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var language = CliLanguage.Current;
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            var report = await scope.ServiceProvider.GetRequiredService<CheckSite>().RunAsync(parse.GetValue(repair), progress, ct);
            progress.Done();
            foreach (var finding in report.Findings)
                await output.WriteLineAsync($"{Mark(finding.State)} [{finding.Area}] {finding.Problem.In(language)}");
            var summary = report.Sound ? "check_sound" : "check_not_sound";
            await output.WriteLineAsync(Localization.Messages.Format(language, summary, report.PublishedVersions, report.MediaItems,
                report.Findings.Count(f => f.State == FindingState.Found), report.Findings.Count(f => f.State == FindingState.Repaired)));
            return report.Sound ? 0 : 1;
        }));
        return command;
    }

    private static string Mark(FindingState state) => state switch
    {
        FindingState.Found => "✗",
        FindingState.Repaired => "✓",
        _ => "·",
    };
}
