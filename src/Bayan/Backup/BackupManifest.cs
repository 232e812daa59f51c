using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bayan.Backup;

/// <summary>
/// What a backup says about itself (manifest.json, see <see cref="BackupFormat"/>): which program and schema made it, from
/// which database, how many of each kind it holds, and the size and SHA-256 of every part, so a restore checks all before it writes.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string BayanVersion,
    DateTime CreatedAt,
    string Provider,
    string Migration,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<BackupPart> Parts)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // A manifest is read by people too: "1.0.0+abc", not "1.0.0\u002Babc".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The version of the program that runs now, as the manifest records it.</summary>
    public static string CurrentVersion { get; } =
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest, or null when the bytes are no manifest of this format.</summary>
    public static BackupManifest? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Format: BackupFormat.Name, Counts: not null, Parts: not null, Migration: not null, Provider: not null }
                ? manifest
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One file inside a backup: its name in the archive, its length and its SHA-256 (lower-case hex).</summary>
public sealed record BackupPart(string Name, long Bytes, string Sha256);
