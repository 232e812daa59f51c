using System.Data.Common;
using Bayan.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Support;

/// <summary>
/// A site without the output cache that says in a response header how many SQL commands the
/// request sent: a page that queries once per release or per office shows it at once.
/// </summary>
public sealed class CommandCountingSite : TestSite
{
    public const string Header = "X-Test-Sql-Commands";

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Bayan:OutputCache:Enabled"] = "false";

    protected override void ConfigureServices(IServiceCollection services)
    {
        var counter = new CommandCounter();
        services.ConfigureDbContext<SqliteBayanDb>(db => db.AddInterceptors(counter));
        services.ConfigureDbContext<PostgresBayanDb>(db => db.AddInterceptors(counter));
        services.AddSingleton<IStartupFilter>(new CountPerRequest());
    }

    /// <summary>The number of commands the page at <paramref name="path"/> sent to the database.</summary>
    public async Task<int> CommandsForAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return int.Parse(response.Headers.GetValues(Header).Single());
    }

    private static readonly AsyncLocal<StrongBox> Current = new();

    private sealed class StrongBox
    {
        public int Count;
    }

    private sealed class CountPerRequest : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                var box = Current.Value = new StrongBox();
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers[Header] = Volatile.Read(ref box.Count).ToString();
                    return Task.CompletedTask;
                });
                return following(http);
            });
            next(app);
        };
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private static void Count()
        {
            if (Current.Value is { } box)
                Interlocked.Increment(ref box.Count);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }
}
