using System.CommandLine;
using System.Diagnostics;
using Bayan.Search;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan reindex`: rebuilds the search index from every published release, in one transaction, so
/// readers searching meanwhile find the old index until the new one is whole.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var command = new Command("reindex", "Rebuild the search index from every published release.");
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
            var watch = Stopwatch.StartNew();
            var count = await index.RebuildAsync(new ConsoleProgress(), ct);
            Console.WriteLine($"The search index holds {count} published releases again ({watch.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        }));
        return command;
    }
}
