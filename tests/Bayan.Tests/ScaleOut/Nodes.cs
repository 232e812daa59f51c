using System.Collections.Concurrent;
using Bayan.Changes;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bayan.Tests.ScaleOut;

/// <summary>
/// Several real Bayan nodes on Kestrel at 127.0.0.1, as a newsroom would run them: one PostgreSQL
/// database and one Redis, each node with a data folder of its own (so nothing is shared through
/// the file system). The first node migrates; the site is set up with an administrator.
/// </summary>
public sealed class Nodes : IAsyncDisposable
{
    private readonly Dictionary<string, string?> settings;
    private readonly List<Node> nodes = [];

    private Nodes(Dictionary<string, string?> settings) => this.settings = settings;

    public Node A => nodes[0];
    public Node B => nodes[1];
    public IReadOnlyList<Node> All => nodes;

    /// <param name="redis">host:port; the shared test Redis when null.</param>
    /// <param name="database">Given the real server's host and port, where the nodes should reach it instead (a forwarder).</param>
    /// <param name="prefix">Bayan:Redis:Prefix, when not the default.</param>
    /// <param name="more">Further settings every node takes.</param>
    /// <param name="clock">A clock every node keeps time by, for a test to move; the system's when null.</param>
    public static async Task<Nodes> StartAsync(int count = 2, string? redis = null, Func<string, int, (string Host, int Port)>? database = null,
        string? prefix = null, IReadOnlyDictionary<string, string?>? more = null, TimeProvider? clock = null)
    {
        if (!TestDatabase.IsPostgres)
            throw new InvalidOperationException("The scale-out tests need PostgreSQL: run them with BAYAN_TEST_DATABASE=postgres (test.sh does).");
        var settings = await TestDatabase.CreateAsync(Path.Combine(Path.GetTempPath(), "bayan-tests", "unused"));
        settings.Remove("Bayan:Data");
        var connection = new NpgsqlConnectionStringBuilder(settings["Bayan:Database:ConnectionString"]);
        if (database is not null)
            (connection.Host, connection.Port) = database(connection.Host!, connection.Port);
        // A node that lost its database should say so at once rather than after the default 15 s.
        connection.Timeout = 3;
        settings["Bayan:Database:ConnectionString"] = connection.ConnectionString;
        settings["ConnectionStrings:Redis"] = redis ?? TestRedis.Shared;
        if (prefix is not null)
            settings["Bayan:Redis:Prefix"] = prefix;
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical";
        settings["Logging:LogLevel:Bayan"] = "Critical";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Critical";
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;

        var all = new Nodes(settings);
        try
        {
            for (var i = 0; i < count; i++)
                all.nodes.Add(await Node.StartAsync(settings, migrate: i == 0, clock));
            await all.A.Seed.SiteAsync();
            all.Administrator = await all.A.Seed.UserAsync(administrator: true);
        }
        catch
        {
            await all.DisposeAsync();
            throw;
        }
        return all;
    }

    public Bayan.Accounts.User Administrator { get; private set; } = null!;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
            await node.DisposeAsync();
        await TestDatabase.DropAsync(settings);
    }
}

/// <summary>One application instance among <see cref="Nodes"/>.</summary>
public sealed class Node : IAsyncDisposable
{
    private readonly WebApplication app;

    private Node(WebApplication app, string dataFolder)
    {
        this.app = app;
        DataFolder = dataFolder;
        BaseAddress = new Uri(app.Urls.First());
        // A node that stops answering fails the test in a while rather than holding the suite for 100 s a request.
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public string DataFolder { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => app.Services;
    public Seed Seed => new(app.Services);

    /// <summary>Every content change this node's listeners were told of, from itself or from other nodes.</summary>
    public HeardChanges Heard => app.Services.GetRequiredService<HeardChanges>();

    internal static async Task<Node> StartAsync(Dictionary<string, string?> shared, bool migrate, TimeProvider? clock = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(shared) { ["Bayan:Data"] = dataFolder };
        var app = BayanWebApp.Build(BayanArgs.Of(settings), builder =>
        {
            builder.Services.AddSingleton<HeardChanges>();
            builder.Services.AddScoped<IContentChangeListener>(provider => provider.GetRequiredService<HeardChanges>());
            if (clock is not null)
                builder.Services.AddSingleton(clock);
        });
        if (migrate)
            await BayanWebApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return new Node(app, dataFolder);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<string> HealthAsync() => await (await Http.GetAsync("/health")).Content.ReadAsStringAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (Directory.Exists(DataFolder))
            Directory.Delete(DataFolder, recursive: true);
    }
}

/// <summary>A listener that only writes down what it hears: proof that a change reached a node.</summary>
public sealed class HeardChanges : IContentChangeListener
{
    private readonly ConcurrentQueue<ContentChange> heard = new();

    public IReadOnlyCollection<ContentChange> All => heard;

    public ValueTask ChangedAsync(ContentChange change)
    {
        heard.Enqueue(change);
        return ValueTask.CompletedTask;
    }
}
