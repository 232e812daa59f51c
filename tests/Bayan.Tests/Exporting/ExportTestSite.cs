using Bayan.Demo;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Exporting;

/// <summary>
/// A site for the export tests: on SQLite whatever database the suite runs on (<paramref name="onSqlite"/>), or on the
/// suite's own; filled by `bayan demo`, or empty (an import's target). Its public address is fixed, so two sites'
/// pages can be compared byte for byte.
/// </summary>
public sealed class ExportTestSite(bool onSqlite, bool demo) : TestSite, IAsyncLifetime, IAsyncDisposable
{
    public const string PublicUrl = "https://news.example.org";

    private Dictionary<string, string?>? unused;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Bayan:PublicUrl"] = PublicUrl;
        if (onSqlite && settings.ContainsKey("Bayan:Database:ConnectionString"))
        {
            // The suite made a PostgreSQL database for this site, which it does not use: dropped at the end.
            unused = new Dictionary<string, string?>(settings);
            settings.Remove("Bayan:Database:Provider");
            settings.Remove("Bayan:Database:ConnectionString");
        }
    }

    /// <summary>What the site logged as errors, for the message of a failing test.</summary>
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors);

    protected override async Task FillAsync()
    {
        if (!demo)
            return;
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSite>().RunAsync(new Progress<(string, int, int)>(), CancellationToken.None);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (unused is not null)
            await TestDatabase.DropAsync(unused);
    }
}

/// <summary>Keeps the errors a site logs.</summary>
public sealed class ErrorLog : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();

    public override string ToString() => string.Join("\n", errors);

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel level) => level >= Microsoft.Extensions.Logging.LogLevel.Error;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel level, Microsoft.Extensions.Logging.EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(level))
            errors.Enqueue($"{formatter(state, exception)} {exception}");
    }

    public void Dispose()
    {
    }
}
