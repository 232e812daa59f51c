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
