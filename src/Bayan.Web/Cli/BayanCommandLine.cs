using System.CommandLine;
using Bayan.Data;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan` and its commands. Every command takes the same settings as the server, so
/// `bayan demo --data /tmp/x` fills the very site that `bayan --data /tmp/x` serves.
/// </summary>
public static class BayanCommandLine
{
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (SQLite database and media). Default: ./data",
        Recursive = true,
    };

    private static readonly Option<string?> Provider = new("--db-provider")
    {
        Description = "The database: sqlite (default) or postgres.",
        Recursive = true,
    };

    private static readonly Option<string?> ConnectionString = new("--db")
    {
        Description = "The database connection string (required for postgres).",
        Recursive = true,
    };

    private static readonly Option<string?> Redis = new("--redis")
    {
        Description = "Redis for several nodes (shared page cache, change messages, sign-in keys), e.g. 127.0.0.1:6379.",
        Recursive = true,
    };

    private static readonly Option<string?> Theme = new("--theme")
    {
        Description = "A theme folder of the site's own; templates it lacks come from the default theme.",
        Recursive = true,
    };

    private static readonly Option<string?> PublicUrl = new("--public-url")
    {
        Description = "The site's public address, e.g. https://news.example.org. Default: each request's own scheme and host.",
        Recursive = true,
    };

    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = "Where to listen, e.g. http://127.0.0.1:5099. Default: http://localhost:5080",
        Recursive = true,
    };

    /// <param name="console">For tests: where messages go instead of the console.</param>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? console = null)
    {
        var root = new RootCommand("Bayan: a newsroom publishing platform. Without a command it serves the site.")
        {
            // Settings by their full name (`--Bayan:OutputCache:Enabled=false`) pass to configuration;
            // UnknownTokens refuses every other token System.CommandLine did not match.
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(Data);
        root.Options.Add(Provider);
        root.Options.Add(ConnectionString);
        root.Options.Add(Redis);
        root.Options.Add(Theme);
        root.Options.Add(PublicUrl);
        root.Options.Add(Urls);
        root.SetAction((parse, ct) => Guarded(() => ServeAsync(parse, ct)));

        var serve = new Command("serve", "Serve the site (the same as no command).");
        serve.SetAction((parse, ct) => Guarded(() => ServeAsync(parse, ct)));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Create or upgrade the database, then exit.");
        migrate.SetAction((parse, ct) => Guarded(() => MigrateAsync(parse, ct)));
        root.Subcommands.Add(migrate);

        root.Subcommands.Add(DemoCommand.Create(Settings, Guarded));
        root.Subcommands.Add(HijriMonthCommand.Create(Settings, Guarded));
        root.Subcommands.Add(SiteDatesCommand.Create(Settings, Guarded));
        root.Subcommands.Add(ReindexCommand.Create(Settings, Guarded));
        root.Subcommands.Add(CheckCommand.Create(Settings, Guarded));
        root.Subcommands.Add(TokenCommand.Create(Settings, Guarded));
        root.Subcommands.Add(ImportCommand.Create(Settings, Guarded));
        root.Subcommands.Add(ExportCommand.Create(Settings, Guarded));
        root.Subcommands.Add(BackupCommand.Create(Settings, Guarded));
        root.Subcommands.Add(RestoreCommand.Create(Settings, Guarded));

        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 && UnknownTokens.Describe(parse) is { } unknown)
        {
            var error = console?.Error ?? Console.Error;
            await error.WriteLineAsync($"bayan: {unknown}. See bayan --help.");
            await error.WriteLineAsync(UnknownTokens.ListCommands(root));
            return 2;
        }
        return await parse.InvokeAsync(console);
    }

    /// <summary>The switches as configuration, after anything else on the command line (e.g. --Bayan:Data=x).</summary>
    internal static BayanArgs Settings(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>();
        void Put(string key, Option<string?> option)
        {
            if (parse.GetValue(option) is { } value)
                settings[key] = value;
        }
        Put("Bayan:Data", Data);
        Put("Bayan:Database:Provider", Provider);
        Put("Bayan:Database:ConnectionString", ConnectionString);
        Put("ConnectionStrings:Redis", Redis);
        Put("Bayan:Theme", Theme);
        Put("Bayan:PublicUrl", PublicUrl);
        Put("Urls", Urls);
        return new BayanArgs([.. parse.UnmatchedTokens], settings);
    }

    private static async Task<int> ServeAsync(ParseResult parse, CancellationToken ct)
    {
        var app = BayanWebApp.Build(Settings(parse));
        await BayanWebApp.PrepareAsync(app, ct);
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(ParseResult parse, CancellationToken ct)
    {
        var app = BayanWebApp.Build(Settings(parse));
        await BayanWebApp.PrepareAsync(app, ct);
        Console.WriteLine("The database is at the newest version.");
        return 0;
    }

    /// <summary>A wrong setting ends the program with a message that names it, not with a stack trace.</summary>
    internal static async Task<int> Guarded(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"bayan: {e.Message}");
            return 2;
        }
        catch (IOException e) when (e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"bayan: cannot listen where --urls (setting Urls) says: {e.Message}");
            return 2;
        }
    }
}

/// <summary>What the command line says about configuration: raw tokens and the named switches.</summary>
public sealed record BayanArgs(string[] Raw, IReadOnlyDictionary<string, string?> Settings)
{
    public static BayanArgs Of(IReadOnlyDictionary<string, string?> settings) => new([], settings);
}
