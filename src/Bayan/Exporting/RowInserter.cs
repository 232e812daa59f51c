using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Exporting;

/// <summary>
/// Writes the rows of one kind into its table, many to a statement (one round trip to the database for hundreds
/// of rows), through the provider's type mapping as the export's reader reads them.
/// </summary>
internal sealed class RowInserter(ExportTable table, DbTransaction transaction, ISqlGenerationHelper sql) : IAsyncDisposable
{
    // SQLite takes up to 32,766 parameters in a statement and PostgreSQL 65,535; a few thousand keep statements short.
    private readonly int rowsPerStatement = Math.Clamp(4000 / table.Fields.Count, 1, 500);
    private readonly List<object?[]> pending = [];
    private DbCommand? full;

    public async Task AddAsync(object?[] row, CancellationToken ct)
    {
        pending.Add(row);
        if (pending.Count >= rowsPerStatement)
            await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (pending.Count == 0)
            return;
        // Full statements are all alike: one command, its parameters given new values.
        DbCommand command;
        if (pending.Count == rowsPerStatement)
            command = full ??= Make(rowsPerStatement);
        else
            command = Make(pending.Count);
        for (var r = 0; r < pending.Count; r++)
        {
            for (var f = 0; f < table.Fields.Count; f++)
            {
                var index = r * table.Fields.Count + f;
                var parameter = table.Fields[f].Parameter(command, "@p" + index, pending[r][f]);
                command.Parameters[index] = parameter;
            }
        }
        await command.ExecuteNonQueryAsync(ct);
        if (command != full)
            await command.DisposeAsync();
        pending.Clear();
    }

    private DbCommand Make(int rows)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Table)).Append(" (")
            .AppendJoin(", ", table.Fields.Select(f => sql.DelimitIdentifier(f.Column))).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var f = 0; f < table.Fields.Count; f++)
            {
                var index = r * table.Fields.Count + f;
                text.Append(f == 0 ? "" : ", ").Append("@p").Append(index);
                command.Parameters.Add(command.CreateParameter());
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (full is not null)
            await full.DisposeAsync();
    }
}
