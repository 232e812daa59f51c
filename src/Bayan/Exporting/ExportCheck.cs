using System.Security.Cryptography;
using System.Text.Json;
using Bayan.Operations;

namespace Bayan.Exporting;

/// <summary>
/// Reads an export's manifest and checks every file it lists against its size and SHA-256, before anything is
/// written: a damaged, truncated or foreign export is refused whole, with the reason.
/// </summary>
public static class ExportCheck
{
    public static async Task<(ExportManifest? Manifest, Problem? Problem)> RunAsync(IExportSource source, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var (manifest, problem) = await ReadManifestAsync(source, ct);
        if (manifest is null)
            return (null, problem);
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var known = ExportKinds.All.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in manifest.Kinds)
        {
            if (!known.Contains(kind.Name))
                return (null, new Problem("export_kind_unknown", kind.Name));
            if (kind.File != kind.Name + ".jsonl" || !listed.Contains(kind.File))
                return (null, new Problem("export_file_unlisted", kind.File));
        }
        var done = 0;
        foreach (var file in manifest.Files)
        {
            if (!IsInside(file.Path))
                return (null, new Problem("export_file_outside", file.Path));
            await using var stream = await source.OpenAsync(file.Path, ct);
            if (stream is null)
                return (null, new Problem("export_file_missing", file.Path));
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long bytes = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                bytes += read;
            }
            if (bytes != file.Bytes || !string.Equals(Convert.ToHexStringLower(sha.GetHashAndReset()), file.Sha256, StringComparison.OrdinalIgnoreCase))
                return (null, new Problem("export_file_damaged", file.Path));
            progress?.Report(("checking", ++done, manifest.Files.Count));
        }
        return (manifest, null);
    }

    private static async Task<(ExportManifest? Manifest, Problem? Problem)> ReadManifestAsync(IExportSource source, CancellationToken ct)
    {
        await using var stream = await source.OpenAsync(ExportKinds.ManifestFile, ct);
        if (stream is null)
            return (null, new Problem("export_manifest_missing", source.Describe()));
        ExportManifest? manifest;
        try
        {
            manifest = await JsonSerializer.DeserializeAsync<ExportManifest>(stream, ExportManifest.Json, ct);
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            return (null, new Problem("export_manifest_invalid", source.Describe(), e.Message));
        }
        if (manifest is null || manifest.Format != ExportManifest.FormatName)
            return (null, new Problem("export_format_unknown", source.Describe(), manifest?.Format ?? "null"));
        if (manifest.FormatVersion > ExportManifest.CurrentVersion)
            return (null, new Problem("export_version_newer", manifest.FormatVersion, ExportManifest.CurrentVersion));
        if (manifest.Kinds is null || manifest.Files is null)
            return (null, new Problem("export_manifest_invalid", source.Describe(), "kinds, files"));
        return (manifest, null);
    }

    /// <summary>A plain relative path, which cannot lead out of the export nor out of the media folder.</summary>
    public static bool IsInside(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\') && !path.Contains(':')
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
