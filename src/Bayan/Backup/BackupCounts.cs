using System.Data.Common;
using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Categories;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Media;
using Bayan.Offices;
using Bayan.Pages;
using Bayan.Redirects;
using Bayan.Releases;
using Bayan.Tags;
using Bayan.Tokens;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Backup;

/// <summary>
/// The kinds a manifest counts, each with its table: what a person checks a backup by ("312 releases, 40 media"), and what a
/// restore compares the restored database with before it takes the place of the old one.
/// </summary>
public static class BackupCounts
{
    private static readonly (string Kind, Type Entity)[] Kinds =
    [
        ("releases", typeof(Release)),
        ("versions", typeof(ReleaseVersion)),
        ("revisions", typeof(Revision)),
        ("media", typeof(MediaItem)),
        ("comments", typeof(Comment)),
        ("users", typeof(User)),
        ("offices", typeof(Office)),
        ("categories", typeof(Category)),
        ("tags", typeof(Tag)),
        ("pages", typeof(StaticPage)),
        ("redirects", typeof(Redirect)),
        ("webhooks", typeof(WebhookEndpoint)),
        ("tokens", typeof(AccessToken)),
        ("audit", typeof(AuditEntry)),
    ];

    /// <summary>The kinds in the order a manifest lists them.</summary>
    public static IEnumerable<string> Names => Kinds.Select(k => k.Kind);

    /// <summary>Counts every kind through <paramref name="connection"/> (open), inside its current transaction if it has one.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(BayanDb model, DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>();
        foreach (var (kind, entity) in Kinds)
        {
            var table = model.Model.FindEntityType(entity)?.GetTableName()
                ?? throw new InvalidOperationException($"The model has no table for {entity.Name}.");
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // The table names come from the model, never from input.
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[kind] = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        }
        return counts;
    }

    /// <summary>The last migration applied to the database behind <paramref name="connection"/>, or null on a database Bayan never made.</summary>
    public static async Task<string?> LastMigrationAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Migration ids begin with their UTC time, so the greatest is the last.
        command.CommandText = $"SELECT MAX(\"MigrationId\") FROM \"{MigrationsTable}\"";
        try
        {
            return await command.ExecuteScalarAsync(ct) as string;
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>The history table DataServices names for both providers.</summary>
    public const string MigrationsTable = "__migrations";
}
