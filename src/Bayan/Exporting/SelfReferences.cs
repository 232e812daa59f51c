using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Exporting;

/// <summary>
/// Rows that refer to rows of their own kind (a reply to a comment, a category under another): a row whose
/// parent is not written yet (a category moved under a newer one) is written without it, and given it once the
/// whole kind is in. PostgreSQL checks each reference as it is written; this keeps the import in one pass.
/// </summary>
internal sealed class SelfReferences
{
    private readonly ExportTable table;
    private readonly List<(int Field, ExportField Key)> references = [];
    private readonly HashSet<object> written = [];
    private readonly List<(object Key, int Field, object Parent)> pending = [];

    public SelfReferences(ExportTable table)
    {
        this.table = table;
        var entity = table.Fields[0].Property.DeclaringType.ContainingEntityType;
        foreach (var foreignKey in entity.GetForeignKeys().Where(k => k.PrincipalEntityType == entity && k.Properties.Count == 1))
            references.Add((table.Fields.ToList().FindIndex(f => f.Property == foreignKey.Properties[0]), table.Key[0]));
    }

    /// <summary>Notes the row as written; a parent not written yet is taken out of it, for later.</summary>
    public void Hold(object?[] row)
    {
        if (references.Count == 0)
            return;
        foreach (var (field, _) in references)
        {
            if (row[field] is { } parent && !written.Contains(parent))
            {
                pending.Add((row[0]!, field, parent));
                row[field] = null;
            }
        }
        written.Add(row[0]!);
    }

    public async Task WriteAsync(DbTransaction transaction, ISqlGenerationHelper sql, CancellationToken ct)
    {
        foreach (var (key, field, parent) in pending)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var reference = table.Fields[field];
            command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Table)} SET {sql.DelimitIdentifier(reference.Column)} = @parent " +
                $"WHERE {sql.DelimitIdentifier(table.Key[0].Column)} = @key";
            command.Parameters.Add(reference.Parameter(command, "@parent", parent));
            command.Parameters.Add(table.Key[0].Parameter(command, "@key", key));
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
