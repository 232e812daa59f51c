using System.CommandLine;
using Bayan.Data;
using Bayan.Demo;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>`bayan demo`: fills an empty site with demonstration content; a second run changes nothing.</summary>
internal static class DemoCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var releases = new Option<int>("--releases")
        {
            Description = "Add this many synthetic releases (Arabic with English) for benchmarks, e.g. 10000.",
        };
        releases.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 1_000_000)
                result.AddError("--releases takes a number from 0 to 1000000.");
        });
        var command = new Command("demo", "Fill an empty site with demonstration offices, releases and pages.") { releases };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var demo = scope.ServiceProvider.GetRequiredService<DemoSite>();
            var outcome = await demo.RunAsync(new ConsoleProgress(), ct, parse.GetValue(releases));
            Console.WriteLine(outcome.Message);
            return 0;
        }));
        return command;
    }
}
