using System.Buffers;
using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Bayan.Data;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Exporting;

/// <summary>
/// Writes the whole site in Bayan's portable format (docs/export-format.md) into a sink: one JSON Lines file per
/// kind of <see cref="ExportKinds.All"/>, the media files under media/, then manifest.json. Every read runs inside
/// the transaction the caller began on <paramref name="db"/> (<see cref="ReadSnapshot"/>), so the export is one
/// moment of the site; rows stream from the database to the sink, a kind is never held in memory.
/// </summary>
public sealed class ExportWriter(BayanDb db, BayanOptions options, WebhookSecretVault vault, TimeProvider clock)
{
    private const int FlushAt = 1 << 16;

    public static readonly JsonWriterOptions JsonOptions = new()
    {
        // Arabic stays readable in the files; what JSON must escape still is.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <param name="media">Whether to copy the media files (a caller that copies them itself says no).</param>
    public async Task<ExportManifest> WriteAsync(IExportSink sink, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct, bool media = true)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("ExportWriter reads inside a transaction its caller began (ReadSnapshot.BeginAsync).");
        var kinds = new List<ExportedKind>();
        var files = new List<ExportedFile>();
        foreach (var kind in ExportKinds.All)
        {
            var table = ExportTable.Of(kind, db.Model);
            var total = await CountAsync(table, transaction, ct);
            progress?.Report((kind.Name, 0, total));
            var (count, file) = await WriteKindAsync(sink, table, transaction, done => progress?.Report((kind.Name, done, total)), ct);
            progress?.Report((kind.Name, (int)count, (int)count));
            kinds.Add(new ExportedKind(kind.Name, kind.FileName, count));
            files.Add(file);
        }
        if (media)
            files.AddRange(await CopyMediaAsync(sink, progress, ct));

        var manifest = new ExportManifest(ExportManifest.FormatName, ExportManifest.CurrentVersion, BayanVersion,
            await SchemaMigrationAsync(ct), clock.GetUtcNow().UtcDateTime, kinds, files);
        await using (var stream = await sink.CreateAsync(ExportKinds.ManifestFile, ct))
            await JsonSerializer.SerializeAsync(stream, manifest, ExportManifest.Json, ct);
        return manifest;
    }

    public static string BayanVersion =>
        typeof(ExportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private async Task<int> CountAsync(ExportTable table, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = Command(transaction, $"SELECT COUNT(*) FROM {Quote(table.Table)}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private async Task<(long Count, ExportedFile File)> WriteKindAsync(
        IExportSink sink, ExportTable table, DbTransaction transaction, Action<int> done, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Fields.Select(f => Quote(f.Column)));
        // Keys that are text sort byte by byte on both databases, so both write the rows in one order.
        var postgres = db.Database.IsNpgsql();
        var order = string.Join(", ", table.Key.Select(f => Quote(f.Column) + (postgres && f.IsText ? " COLLATE \"C\"" : "")));
        await using var command = Command(transaction, $"SELECT {columns} FROM {Quote(table.Table)} ORDER BY {order}");
        await using var reader = await command.ExecuteReaderAsync(ct);

        await using var target = await sink.CreateAsync(table.Kind.FileName, ct);
        await using var hashing = new HashingStream(target);
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Fields.Count; i++)
            {
                var field = table.Fields[i];
                json.WritePropertyName(field.Name);
                var value = field.Read(reader, i);
                ExportValues.Write(json, field.Secret && value is string stored ? Readable(stored) : value);
            }
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset(buffer);
            count++;
            if (buffer.WrittenCount >= FlushAt)
            {
                await hashing.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
                done((int)count);
            }
        }
        await hashing.WriteAsync(buffer.WrittenMemory, ct);
        await hashing.FlushAsync(ct);
        return (count, new ExportedFile(table.Kind.FileName, hashing.Bytes, hashing.Sha256()));
    }

    /// <summary>A secret as its receiver knows it; one these keys cannot open (they were lost) stays as stored.</summary>
    private string Readable(string stored)
    {
        try
        {
            return vault.Open(stored);
        }
        catch (CryptographicException)
        {
            return stored;
        }
    }

    /// <summary>Every file of the media folder, in the order of their paths, under media/ in the export.</summary>
    private async Task<List<ExportedFile>> CopyMediaAsync(IExportSink sink, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var copied = new List<ExportedFile>();
        var folder = options.MediaFolder;
        if (!Directory.Exists(folder))
            return copied;
        var paths = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
            // Hidden files are the server's own (a file being uploaded, a write test), not media.
            .Where(p => !p.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        progress?.Report((ExportKinds.MediaFolder, 0, paths.Count));
        foreach (var path in paths)
        {
            var inExport = ExportKinds.MediaFolder + "/" + path;
            await using (var source = new FileStream(Path.Combine(folder, path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true))
            await using (var target = await sink.CreateAsync(inExport, ct))
            await using (var hashing = new HashingStream(target))
            {
                await source.CopyToAsync(hashing, ct);
                await hashing.FlushAsync(ct);
                copied.Add(new ExportedFile(inExport, hashing.Bytes, hashing.Sha256()));
            }
            progress?.Report((ExportKinds.MediaFolder, copied.Count, paths.Count));
        }
        return copied;
    }

    /// <summary>The newest migration of the schema, by its name alone: its timestamp differs from one database to the other.</summary>
    private async Task<string> SchemaMigrationAsync(CancellationToken ct)
    {
        var newest = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? "";
        var underscore = newest.IndexOf('_');
        return underscore >= 0 ? newest[(underscore + 1)..] : newest;
    }

    private DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    private string Quote(string identifier) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);
}
