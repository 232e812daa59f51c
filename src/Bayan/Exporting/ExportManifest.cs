using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bayan.Exporting;

/// <summary>
/// manifest.json, the last file of an export: what wrote it, the schema it came from, how many rows of each kind,
/// and the size and SHA-256 of every other file, so a reader can tell a whole export from a damaged one.
/// </summary>
public sealed record ExportManifest(
    string Format,
    int FormatVersion,
    string BayanVersion,
    string SchemaMigration,
    DateTime ExportedAt,
    IReadOnlyList<ExportedKind> Kinds,
    IReadOnlyList<ExportedFile> Files)
{
    public const string FormatName = "bayan-export";

    /// <summary>Moves when the format changes in a way an older reader would misread; see docs/export-format.md.</summary>
    public const int CurrentVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimeConverter() },
    };

    /// <summary>Times in the manifest as in the files: UTC, six decimals.</summary>
    private sealed class UtcTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) =>
            (DateTime)ExportValues.Read(JsonElement.ParseValue(ref reader), typeof(DateTime))!;

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            ExportValues.Write(writer, value);
    }
}

/// <summary>A kind of row, its file and how many rows it holds.</summary>
public sealed record ExportedKind(string Name, string File, long Count);

/// <summary>A file of the export (a kind's rows, a media file): its path inside the export, size and SHA-256 in lower-case hex.</summary>
public sealed record ExportedFile(string Path, long Bytes, string Sha256);
