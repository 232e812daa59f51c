using System.Collections.Concurrent;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bayan.Tests.Startup;

/// <summary>
/// The very first start on a new, empty database is the newcomer's first sight of Bayan: it must
/// create everything without a line of error in the log, on either database.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class FirstStartTests
{
    [Fact]
    public async Task The_first_start_on_an_empty_database_logs_no_error()
    {
        var settings = await TestDatabase.CreateAsync(Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N")));
        var errors = new ConcurrentQueue<string>();
        try
        {
            await using var app = BayanWebApp.Build(BayanArgs.Of(settings), builder =>
                builder.Logging.AddProvider(new ErrorsKept(errors)));
            await BayanWebApp.PrepareAsync(app, CancellationToken.None);

            using var scope = app.Services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<Data.BayanDb>().Database.CanConnectAsync());
            Assert.Empty(errors);
        }
        finally
        {
            await TestDatabase.DropAsync(settings);
        }
    }

    /// <summary>Keeps the text of every error logged.</summary>
    private sealed class ErrorsKept(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                errors.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
