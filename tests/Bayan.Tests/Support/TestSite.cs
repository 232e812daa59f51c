using Bayan.Data;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Support;

/// <summary>
/// A real Bayan on Kestrel at 127.0.0.1 with a fresh database of its own (SQLite or PostgreSQL,
/// see <see cref="TestDatabase"/>), its site set up in ar, en and tr. Tests add the data they need.
/// </summary>
public class TestSite : IAsyncLifetime
{
    private Dictionary<string, string?> settings = [];
    private WebApplication? app;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N"));
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => app!.Services;
    public HttpClient Http { get; private set; } = null!;
    public Seed Seed => new(Services);

    /// <summary>Override to fill the site differently; the default sets the site up as the setup page would: its languages and an administrator.</summary>
    protected virtual async Task FillAsync()
    {
        await Seed.SiteAsync();
        await Seed.UserAsync(administrator: true);
    }

    /// <summary>Override to add settings, as a user would in appsettings.json or on the command line.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Set to move time by hand in this site's tests; the system clock otherwise.</summary>
    public ManualClock? Clock { get; init; }

    public async Task InitializeAsync()
    {
        settings = await TestDatabase.CreateAsync(DataFolder);
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error";
        Configure(settings);
        app = BayanWebApp.Build(BayanArgs.Of(settings), Adjust);
        await BayanWebApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var address = app.Urls.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        await FillAsync();
    }

    /// <summary>Override to replace services, e.g. smaller upload limits.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private void Adjust(WebApplicationBuilder builder)
    {
        if (Clock is not null)
            builder.Services.AddSingleton<TimeProvider>(Clock);
        ConfigureServices(builder.Services);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await TestDatabase.DropAsync(settings);
        if (Directory.Exists(DataFolder))
            Directory.Delete(DataFolder, recursive: true);
    }

    /// <summary>Runs application services in a scope of their own, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The application as a command (`bayan site-dates`) builds it in a process of its own: on the same database, never started.</summary>
    public WebApplication BuildCommandLine() => BayanWebApp.Build(BayanArgs.Of(settings));

    /// <summary>The switches that point a `bayan` command at this site's database and data folder.</summary>
    public IReadOnlyList<string> CommandLineSwitches() =>
    [
        "--data", settings["Bayan:Data"]!,
        .. settings.TryGetValue("Bayan:Database:Provider", out var provider) && provider is not null
            ? new[] { "--db-provider", provider, "--db", settings["Bayan:Database:ConnectionString"]! }
            : [],
    ];

    /// <summary>A second, separate application instance on the same database, as another node would be.</summary>
    public async Task<WebApplication> StartNodeAsync()
    {
        var node = BayanWebApp.Build(BayanArgs.Of(settings), Adjust);
        await node.StartAsync();
        return node;
    }
}
