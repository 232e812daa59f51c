using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bayan.Data;

public static class DataServices
{
    /// <summary>Reads the Bayan section, failing with the name of any setting that is wrong.</summary>
    public static BayanOptions ReadBayanOptions(this IConfiguration configuration)
    {
        var options = new BayanOptions();
        try
        {
            configuration.GetSection(BayanOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(
                $"A Bayan setting has a value it cannot take ({e.InnerException?.Message ?? e.Message}). " +
                "Bayan:Database:Provider takes 'sqlite' or 'postgres'.", e);
        }
        if (string.IsNullOrWhiteSpace(options.Data))
            throw new StartupException("Bayan:Data (--data) is empty: give the folder for the database and media.");
        Sites.PublicOrigin.Parse(options.PublicUrl, out var wrongAddress);
        if (wrongAddress is not null)
            throw new StartupException($"Bayan:PublicUrl (--public-url) is '{options.PublicUrl}': {wrongAddress}");
        return options;
    }

    public static IServiceCollection AddBayanData(this IServiceCollection services, BayanOptions options)
    {
        services.AddSingleton(options);
        var connectionString = ConnectionStringFor(options);
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<BayanDb, PostgresBayanDb>(db => db.UsePostgres(connectionString));
                break;
            default:
                services.AddDbContextPool<BayanDb, SqliteBayanDb>(db => db.UseBayanSqlite(connectionString));
                break;
        }
        return services;
    }

    internal static void UsePostgres(this DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations"));

    internal static void UseBayanSqlite(this DbContextOptionsBuilder db, string connectionString)
    {
        SqliteEngine.Configure();
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__migrations"))
            // A migration that rebuilds a table turns SQLite's foreign keys off and on around it, which
            // cannot happen inside a transaction; EF warns about that on every new database, to no use.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
    }

    public static string ConnectionStringFor(BayanOptions options)
    {
        var given = options.Database.ConnectionString;
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(given)
                ? $"Data Source={Path.Combine(options.DataFolder, "bayan.db")};Default Timeout=30"
                : given;
        }
        if (string.IsNullOrWhiteSpace(given))
            throw new StartupException(
                "Bayan:Database:ConnectionString is empty: PostgreSQL needs one, e.g. " +
                "\"Host=127.0.0.1;Database=bayan;Username=bayan;Password=...\".");
        try
        {
            return new NpgsqlConnectionStringBuilder(given).ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Bayan:Database:ConnectionString is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }
}
