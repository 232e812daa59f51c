using System.Data.Common;
using System.Text.RegularExpressions;
using Bayan.Operations;
using MySqlConnector;

namespace Bayan.Importing.K2;

/// <summary>
/// The Joomla database a K2 site runs on, read with MySqlConnector: K2's tables and Joomla's users, all named with
/// the site's table prefix (Joomla's "#__"). <see cref="OpenAsync"/> checks the server, the account and the tables
/// before anything is read, so a wrong setting is one clear problem. Items are read in batches by id, each with its
/// comments, attachments and tags, so a site of any size is never held in memory whole.
/// </summary>
public sealed partial class K2Source : IAsyncDisposable
{
    /// <summary>Every table the importer reads, without the prefix.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["k2_items", "k2_categories", "k2_tags", "k2_tags_xref", "k2_comments", "k2_attachments", "k2_extra_fields", "users"];

    private readonly MySqlConnection connection;
    private readonly string prefix;

    private K2Source(MySqlConnection connection, string prefix, string site)
    {
        this.connection = connection;
        this.prefix = prefix;
        Site = site;
    }

    /// <summary>The database as the ledger names it: mysql://host[:port]/database/prefix.</summary>
    public string Site { get; }

    public static async Task<(K2Source? Source, Problem? Problem)> OpenAsync(string connectionString, string prefix, CancellationToken ct)
    {
        if (!Prefix().IsMatch(prefix))
            return (null, new Problem("import_k2_prefix_invalid", prefix));
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return (null, new Problem("import_k2_connection_string", e.Message));
        }
        if (builder.Server.Length == 0 || builder.Database.Length == 0)
            return (null, new Problem("import_k2_connection_string", "Server=...;Database=...;User ID=...;Password=..."));
        // Joomla writes "0000-00-00 00:00:00" for "never", and keeps its dates in UTC.
        builder.ConvertZeroDateTime = true;
        builder.DateTimeKind = MySqlDateTimeKind.Utc;
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionTimeout = 10;
        var port = builder.Port == 3306 ? "" : $":{builder.Port}";
        var site = $"mysql://{builder.Server}{port}/{builder.Database}/{prefix}";

        var connection = new MySqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var missing = new List<string>(Tables.Select(t => prefix + t));
            await using (var command = new MySqlCommand(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    missing.Remove(reader.GetString(0));
            if (missing.Count > 0)
            {
                await connection.DisposeAsync();
                return (null, new Problem("import_k2_tables_missing", builder.Database, prefix, string.Join(", ", missing)));
            }
            return (new K2Source(connection, prefix, site), null);
        }
        catch (MySqlException e)
        {
            await connection.DisposeAsync();
            return (null, e.ErrorCode switch
            {
                MySqlErrorCode.UnableToConnectToHost => new Problem("import_k2_unreachable", builder.Server + port),
                MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied => new Problem("import_k2_access_denied", builder.UserID, builder.Database),
                MySqlErrorCode.UnknownDatabase => new Problem("import_k2_unknown_database", builder.Database),
                _ => new Problem("import_k2_database_error", e.Message),
            });
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    public async Task<List<K2Category>> CategoriesAsync(CancellationToken ct) => await ListAsync(
        $"SELECT id, name, alias, parent, published, trash, language FROM {prefix}k2_categories ORDER BY id", [], r => new K2Category(
            Int(r, 0), Text(r, 1), Text(r, 2), Int(r, 3), Int(r, 4) == 1, Int(r, 5) == 1, Text(r, 6)), ct);

    /// <summary>Joomla's users by id: their names are the bylines.</summary>
    public async Task<Dictionary<int, string>> UserNamesAsync(CancellationToken ct) =>
        (await ListAsync($"SELECT id, name, username FROM {prefix}users", [], r => (Id: Int(r, 0), Name: Text(r, 1).Trim() is { Length: > 0 } name ? name : Text(r, 2)), ct))
        .ToDictionary(u => u.Id, u => u.Name);

    /// <summary>The names of K2's extra fields by id.</summary>
    public async Task<Dictionary<int, string>> ExtraFieldNamesAsync(CancellationToken ct) =>
        (await ListAsync($"SELECT id, name FROM {prefix}k2_extra_fields", [], r => (Id: Int(r, 0), Name: Text(r, 1)), ct))
        .ToDictionary(f => f.Id, f => f.Name);

    public async Task<int> ItemCountAsync(CancellationToken ct)
    {
        await using var command = new MySqlCommand($"SELECT COUNT(*) FROM {prefix}k2_items", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The items in order of their ids, a batch at a time.</summary>
    public async IAsyncEnumerable<K2Batch> ItemsAsync(int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var items = await ListAsync(
                $"""
                 SELECT id, title, alias, catid, published, trash, access, featured, introtext, `fulltext`, extra_fields,
                        created, created_by, created_by_alias, publish_up, publish_down, image_caption, image_credits, metadesc, language
                 FROM {prefix}k2_items WHERE id > @after ORDER BY id LIMIT @size
                 """,
                [new("@after", after), new("@size", batchSize)], r => new K2Item(
                    Int(r, 0), Text(r, 1), Text(r, 2), Int(r, 3), Int(r, 4) == 1, Int(r, 5) == 1, Int(r, 6), Int(r, 7) == 1,
                    Text(r, 8), Text(r, 9), r.IsDBNull(10) ? null : r.GetString(10), Date(r, 11), Int(r, 12), Text(r, 13),
                    Date(r, 14), Date(r, 15), Text(r, 16), Text(r, 17), Text(r, 18), Text(r, 19)), ct);
            if (items.Count == 0)
                yield break;
            var (first, last) = (items[0].Id, items[^1].Id);
            MySqlParameter[] range = [new("@first", first), new("@last", last)];
            var comments = await ListAsync(
                $"SELECT id, itemID, userName, commentEmail, commentText, commentDate, published FROM {prefix}k2_comments WHERE itemID BETWEEN @first AND @last ORDER BY id",
                range, r => new K2Comment(Int(r, 0), Int(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Date(r, 5), Int(r, 6) == 1), ct);
            var attachments = await ListAsync(
                $"SELECT id, itemID, filename, title, titleAttribute FROM {prefix}k2_attachments WHERE itemID BETWEEN @first AND @last ORDER BY id",
                range, r => new K2Attachment(Int(r, 0), Int(r, 1), Text(r, 2), Text(r, 3), Text(r, 4)), ct);
            // Unpublished tags are hidden on the K2 site: they stay behind.
            var tags = await ListAsync(
                $"SELECT x.itemID, t.name FROM {prefix}k2_tags_xref x JOIN {prefix}k2_tags t ON t.id = x.tagID WHERE t.published = 1 AND x.itemID BETWEEN @first AND @last ORDER BY x.id",
                range, r => (ItemId: Int(r, 0), Name: Text(r, 1)), ct);
            yield return new K2Batch(items, comments.ToLookup(c => c.ItemId), attachments.ToLookup(a => a.ItemId),
                tags.ToLookup(t => t.ItemId, t => t.Name));
            after = last;
        }
    }

    private async Task<List<T>> ListAsync<T>(string sql, MySqlParameter[] parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i));

    private static string Text(DbDataReader r, int i) => r.IsDBNull(i) ? "" : r.GetString(i);

    private static DateTime? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) || r.GetDateTime(i) is var d && d == DateTime.MinValue ? null : DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    /// <summary>Joomla's prefixes are letters, digits and underscores ("jos_"): nothing else goes into a table name.</summary>
    [GeneratedRegex("^[A-Za-z0-9_]{0,32}$")]
    private static partial Regex Prefix();
}
