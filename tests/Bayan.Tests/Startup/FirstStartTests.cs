using System.Collections.Concurrent;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
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

    [Fact]
    public async Task The_first_sign_in_key_is_made_without_a_warning_and_kept_for_its_owner_only()
    {
        var data = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N"));
        var settings = await TestDatabase.CreateAsync(data);
        var warnings = new ConcurrentQueue<string>();
        try
        {
            string token;
            await using (var app = BayanWebApp.Build(BayanArgs.Of(settings), builder =>
                builder.Logging.AddProvider(new ErrorsKept(warnings, LogLevel.Warning))))
            {
                await BayanWebApp.PrepareAsync(app, CancellationToken.None);
                // The first protected value (a sign-in cookie, a form token) makes the site's first key.
                token = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept");
            }

            Assert.Empty(warnings);
            var keys = new DirectoryInfo(Path.Combine(data, "keys"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, keys.UnixFileMode);
            Assert.Single(keys.GetFiles("key-*.xml"));
            // A restarted site reads its key back and still accepts what it signed before.
            await using var restarted = BayanWebApp.Build(BayanArgs.Of(settings));
            Assert.Equal("kept", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
        }
        finally
        {
            await TestDatabase.DropAsync(settings);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_keys_folder_others_could_read_is_closed_to_them_at_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N"));
        var keys = Directory.CreateDirectory(Path.Combine(data, "keys"));
        keys.UnixFileMode = (UnixFileMode)0b111_101_101;
        var settings = await TestDatabase.CreateAsync(data);
        try
        {
            await using var app = BayanWebApp.Build(BayanArgs.Of(settings));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(keys.FullName).UnixFileMode);
        }
        finally
        {
            await TestDatabase.DropAsync(settings);
        }
    }

    /// <summary>Keeps the text of every message logged at the level given or above (errors unless told).</summary>
    private sealed class ErrorsKept(ConcurrentQueue<string> errors, LogLevel least = LogLevel.Error) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= least;

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
