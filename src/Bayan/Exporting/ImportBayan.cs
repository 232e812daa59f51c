using System.Data.Common;
using System.Text.Json;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Search;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Exporting;

/// <summary>
/// `bayan import bayan DIR`: an export of Bayan (<see cref="ExportWriter"/>) into an empty site, on either
/// database, as it was: the same ids, reference numbers, revisions, translations, comments, log, accounts
/// (their password hashes) and embargo links. The export is checked whole first; then every row is written
/// in one transaction, so a refusal or a failure leaves the site as empty as it was. Search is rebuilt after.
/// </summary>
public sealed class ImportBayan(BayanDb db, BayanOptions options, WebhookSecretVault vault, ISearchIndex search, IContentChanges changes)
{
    public async Task<BayanImportReport> RunAsync(IExportSource source, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var (manifest, problem) = await ExportCheck.RunAsync(source, progress, ct);
        if (manifest is null)
            return BayanImportReport.Failed(problem!);
        if (await FirstNonEmptyAsync(ct) is { } full)
            return BayanImportReport.Failed(new Problem("export_target_not_empty", full));
        if (MediaFolderHasFiles())
            return BayanImportReport.Failed(new Problem("export_media_not_empty", options.MediaFolder));

        var copied = new List<string>();
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var kind in ExportKinds.All)
                {
                    if (manifest.Kinds.FirstOrDefault(k => k.Name == kind.Name) is not { } exported)
                        continue;
                    if (await WriteKindAsync(source, kind, exported.Count, transaction.GetDbTransaction(), progress, ct) is { } refused)
                        return BayanImportReport.Failed(refused);
                }
                await CopyMediaAsync(source, manifest, copied, progress, ct);
                if (db.Database.IsNpgsql())
                    await MoveSequencesAsync(transaction.GetDbTransaction(), ct);
                await transaction.CommitAsync(ct);
            }
        }
        catch
        {
            RemoveCopies(copied);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var indexed = await search.RebuildAsync(progress ?? new Progress<(string, int, int)>(), ct);
        await changes.SavedAsync(new ContentChange.Everything("import of a Bayan export"));
        return new BayanImportReport(null, manifest.Kinds, copied.Count, indexed);
    }

    /// <summary>The name of the first kind the site already has rows of; null for an empty site.</summary>
    private async Task<string?> FirstNonEmptyAsync(CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var kind in ExportKinds.All)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT 1 FROM {sql.DelimitIdentifier(ExportTable.Of(kind, db.Model).Table)} LIMIT 1";
                if (await command.ExecuteScalarAsync(ct) is not null)
                    return kind.Name;
            }
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private bool MediaFolderHasFiles() =>
        Directory.Exists(options.MediaFolder)
        && Directory.EnumerateFiles(options.MediaFolder, "*", SearchOption.AllDirectories)
            .Any(p => !Path.GetRelativePath(options.MediaFolder, p).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')));

    /// <returns>Why the rows cannot be written, or null once they are.</returns>
    private async Task<Problem?> WriteKindAsync(IExportSource source, ExportKind kind, long expected, DbTransaction transaction,
        IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var table = ExportTable.Of(kind, db.Model);
        var sql = db.GetService<ISqlGenerationHelper>();
        var fieldAt = table.Fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var later = new SelfReferences(table);
        var defaults = table.Fields.Select(f => f.IsNullable || !f.ModelType.IsValueType ? null : Activator.CreateInstance(f.ModelType)).ToArray();
        var total = (int)Math.Min(expected, int.MaxValue);
        progress?.Report((kind.Name, 0, total));

        await using var stream = await source.OpenAsync(kind.FileName, ct);
        using var lines = new StreamReader(stream!);
        await using var inserter = new RowInserter(table, transaction, sql);
        long count = 0;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
                continue;
            count++;
            var row = (object?[])defaults.Clone();
            if (Parse(line, kind, count, table, fieldAt, row) is { } wrong)
                return wrong;
            later.Hold(row);
            try
            {
                await inserter.AddAsync(row, ct);
            }
            catch (DbException e)
            {
                return new Problem("export_rows_refused", kind.FileName, e.Message);
            }
            if (count % 1000 == 0)
                progress?.Report((kind.Name, (int)count, total));
        }
        if (count != expected)
            return new Problem("export_count_differs", kind.FileName, count, expected);
        try
        {
            await inserter.FlushAsync(ct);
            await later.WriteAsync(transaction, sql, ct);
        }
        catch (DbException e)
        {
            return new Problem("export_rows_refused", kind.FileName, e.Message);
        }
        progress?.Report((kind.Name, (int)count, (int)count));
        return null;
    }

    private Problem? Parse(string line, ExportKind kind, long number, ExportTable table, Dictionary<string, int> fieldAt, object?[] row)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return new Problem("export_line_invalid", kind.FileName, number);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new Problem("export_line_invalid", kind.FileName, number);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!fieldAt.TryGetValue(property.Name, out var at))
                    return new Problem("export_field_unknown", kind.FileName, number, property.Name);
                var field = table.Fields[at];
                try
                {
                    var value = ExportValues.Read(property.Value, field.ModelType);
                    if (value is null && !field.IsNullable)
                        return new Problem("export_value_invalid", kind.FileName, number, field.Name, "null");
                    row[at] = field.Secret && value is string secret && WebhookSecretVault.IsPlain(secret) ? vault.Protect(secret) : value;
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
                {
                    return new Problem("export_value_invalid", kind.FileName, number, field.Name, e.Message);
                }
            }
        }
        return null;
    }

    private async Task CopyMediaAsync(IExportSource source, ExportManifest manifest, List<string> copied,
        IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var prefix = ExportKinds.MediaFolder + "/";
        var files = manifest.Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var file in files)
        {
            var target = Path.Combine(options.MediaFolder, file.Path[prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var from = await source.OpenAsync(file.Path, ct))
            await using (var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                copied.Add(target);
                await from!.CopyToAsync(to, ct);
            }
            progress?.Report((ExportKinds.MediaFolder, copied.Count, files.Count));
        }
    }

    private static void RemoveCopies(List<string> copied)
    {
        foreach (var path in copied)
            File.Delete(path);
    }

    /// <summary>
    /// PostgreSQL's identity columns count on by themselves, blind to the ids the import wrote: each is set past the
    /// highest id of its table, so the next release made is not refused for an id taken. (SQLite moves its own.)
    /// </summary>
    private async Task MoveSequencesAsync(DbTransaction transaction, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var kind in ExportKinds.All)
        {
            var table = ExportTable.Of(kind, db.Model);
            if (table.Key is not [{ } key] || key.Property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never
                || key.ModelType != typeof(int) && key.ModelType != typeof(long))
                continue;
            var name = sql.DelimitIdentifier(table.Table);
            var column = sql.DelimitIdentifier(key.Column);
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"SELECT setval(pg_get_serial_sequence('{name.Replace("'", "''")}', '{key.Column.Replace("'", "''")}'), " +
                $"COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {name}";
            await command.ExecuteScalarAsync(ct);
        }
    }
}

/// <summary>What an import of a Bayan export did, or the problem that stopped it before it wrote anything.</summary>
public sealed record BayanImportReport(Problem? Error, IReadOnlyList<ExportedKind> Rows, int MediaFiles, int Indexed)
{
    public static BayanImportReport Failed(Problem problem) => new(problem, [], 0, 0);
}
