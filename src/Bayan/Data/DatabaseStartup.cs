using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Bayan.Rendering;
using Bayan.Search;
using Npgsql;

namespace Bayan.Data;

/// <summary>
/// Everything that must hold before Bayan serves or runs a command: a usable data folder
/// and a database at the newest migration. Failures name the setting to fix.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>
    /// Migrations that make the search index anew, empty, or change what it holds of a text: after any of
    /// them the releases are indexed again.
    /// </summary>
    private static readonly string[] SearchRemade = ["_AddSearch", "_SearchFiltersInIndex", "_SearchLanguageInWords", "_SearchArabicProclitics"];

    /// <summary>The migration that came with each body block taking its own direction: bodies saved before are rendered again.</summary>
    private const string BodiesRenderedAgain = "_BidiNumbersAndDirections";

    /// <summary>The data folder and its media folder exist and can be written, or a StartupException says why not.</summary>
    public static void PrepareFolders(BayanOptions options)
    {
        EnsureWritableFolder(options.DataFolder);
        EnsureWritableFolder(options.MediaFolder);
    }

    public static async Task PrepareAsync(BayanOptions options, BayanDb db, CancellationToken ct, ILogger? log = null)
    {
        PrepareFolders(options);
        try
        {
            // A new database has no history table yet, and EF Core would log the failed reading of it as an
            // error on the very first start, though nothing is wrong (dotnet/efcore#37328): made first, it is read.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            // Migrating an up-to-date database still builds the migrations' model to compare with the
            // code's, a quarter of a second at every start: only a database behind the code needs it.
            if (pending.Count > 0)
                await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // The search index is made by C#, not SQL: a site upgraded to it, or to a new shape of it, has its releases indexed once here.
            if (pending.Any(m => SearchRemade.Any(name => m.EndsWith(name, StringComparison.Ordinal))))
                await SearchIndex.For(db).RebuildAsync(new LoggedProgress(log ?? NullLogger.Instance), ct);
            if (pending.Any(m => m.EndsWith(BodiesRenderedAgain, StringComparison.Ordinal)))
                await RenderedBodies.RenderAgainAsync(db, ct);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StartupException(
                $"Bayan cannot open its {options.Database.Provider} database " +
                $"(Bayan:Database:Provider = {options.Database.Provider}, Bayan:Database:ConnectionString = {Describe(options)}): " +
                $"{Innermost(e).Message}", e);
        }
    }

    private static void EnsureWritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".bayan-write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"The data folder '{folder}' (setting Bayan:Data, switch --data) cannot be used: {e.Message}", e);
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        Innermost(e) is DbException or SocketException or TimeoutException or ArgumentException
        || e is DbException or InvalidOperationException;

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    /// <summary>The connection string without its password, for messages.</summary>
    private static string Describe(BayanOptions options)
    {
        var text = DataServices.ConnectionStringFor(options);
        if (options.Database.Provider != DatabaseProvider.Postgres)
            return text;
        var builder = new NpgsqlConnectionStringBuilder(text);
        if (!string.IsNullOrEmpty(builder.Password))
            builder.Password = "***";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Indexing a large site takes a minute or more (100,000 releases: about 70 s), before the site answers:
    /// whoever started it is told what it is doing, a tenth at a time.
    /// </summary>
    private sealed class LoggedProgress(ILogger log) : IProgress<(string Step, int Done, int Total)>
    {
        private int tenths = -1;

        public void Report((string Step, int Done, int Total) value)
        {
            // A new database is "upgraded" from nothing too, with nothing to index: nothing to say.
            if (value.Total == 0)
                return;
            var now = value.Done * 10 / value.Total;
            if (now == tenths)
                return;
            tenths = now;
            log.LogInformation("Indexing the published releases for search after an upgrade: {Done} of {Total}", value.Done, value.Total);
        }
    }
}
