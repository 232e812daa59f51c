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
        var command = new Command("demo", "Fill an empty site with demonstration offices, releases and pages.");
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var demo = scope.ServiceProvider.GetRequiredService<DemoSite>();
            var outcome = await demo.RunAsync(new ConsoleProgress(), ct);
            Console.WriteLine(outcome.Message);
            return 0;
        }));
        return command;
    }
}
