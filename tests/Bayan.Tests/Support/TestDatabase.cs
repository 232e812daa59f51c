using Npgsql;

namespace Bayan.Tests.Support;

/// <summary>
/// The database the integration suite runs on, chosen by BAYAN_TEST_DATABASE (sqlite, the default, or postgres).
/// On PostgreSQL every test site gets a database of its own on the server test.sh started; a missing
/// server is a failure, never a skip.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("BAYAN_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("BAYAN_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "BAYAN_TEST_DATABASE=postgres needs BAYAN_TEST_POSTGRES, the connection string of a PostgreSQL server; ./test.sh starts one.");

    /// <summary>Settings for a fresh, empty database; <paramref name="dataFolder"/> holds SQLite's file and the media.</summary>
    public static async Task<Dictionary<string, string?>> CreateAsync(string dataFolder)
    {
        var settings = new Dictionary<string, string?> { ["Bayan:Data"] = dataFolder };
        if (!IsPostgres)
            return settings;
        var name = "bayan_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        settings["Bayan:Database:Provider"] = "postgres";
        settings["Bayan:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        return settings;
    }

    public static async Task DropAsync(IReadOnlyDictionary<string, string?> settings)
    {
        if (!settings.TryGetValue("Bayan:Database:ConnectionString", out var connectionString) || connectionString is null)
            return;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
