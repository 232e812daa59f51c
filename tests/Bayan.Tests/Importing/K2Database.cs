using MySqlConnector;

namespace Bayan.Tests.Importing;

/// <summary>
/// A database of its own on the MariaDB server test.sh starts (BAYAN_TEST_MARIADB, a connection string without a
/// database), holding a Joomla 3 site's K2 tables and its users table under a prefix, created from K2's and
/// Joomla's own table definitions. A missing server is a failure, never a skip. Dropped when disposed.
/// </summary>
internal sealed class K2Database : IAsyncDisposable
{
    public const string Prefix = "jos_";

    private K2Database(string name) => Name = name;

    public string Name { get; }

    public static string Server =>
        Environment.GetEnvironmentVariable("BAYAN_TEST_MARIADB") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "The K2 import tests need BAYAN_TEST_MARIADB, the connection string of a MariaDB server (Server=127.0.0.1;Port=...;User ID=...;Password=...); " +
                "./test.sh starts one (by hand: mariadb-install-db --datadir=DIR, then mariadbd --datadir=DIR --port=3307 --bind-address=127.0.0.1).");

    /// <summary>The connection string an importer is given: the server's, with this database.</summary>
    public string ConnectionString => new MySqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

    public static async Task<K2Database> CreateAsync()
    {
        var database = new K2Database("k2_test_" + Guid.NewGuid().ToString("N")[..16]);
        await using (var connection = new MySqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE {database.Name} CHARACTER SET utf8mb4", connection);
            await create.ExecuteNonQueryAsync();
        }
        await database.ExecuteAsync(K2Schema.Tables(Prefix));
        return database;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Adds a row to a table (named without the prefix).</summary>
    public Task InsertAsync(string table, IReadOnlyDictionary<string, object?> row) =>
        ExecuteAsync($"INSERT INTO {Prefix}{table} ({string.Join(", ", row.Keys.Select(k => $"`{k}`"))}) VALUES ({string.Join(", ", row.Keys.Select(k => "@" + k))})",
            [.. row.Select(r => ("@" + r.Key, r.Value))]);

    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        await using var connection = new MySqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS {Name}", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
