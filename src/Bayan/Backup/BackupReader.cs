using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Bayan.Operations;

namespace Bayan.Backup;

/// <summary>
/// Reads a backup file (<see cref="BackupFormat"/>). <see cref="VerifyAsync"/> reads it whole, writing nothing, and says
/// whether every part is there and unchanged; <see cref="ExtractAsync"/> then writes the parts out, checking them again.
/// </summary>
public static class BackupReader
{
    public sealed record Verified(BackupManifest? Manifest, Problem? Problem);

    public static async Task<Verified> VerifyAsync(string path, IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        if (!File.Exists(path))
            return new(null, new Problem("backup_file_missing", path));
        var seen = new Dictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        byte[]? manifestBytes = null;
        string? manifestChecksum = null;
        try
        {
            await using var file = File.OpenRead(path);
            var total = file.Length;
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    continue;
                if (!BackupFormat.IsSafeName(entry.Name) || seen.ContainsKey(entry.Name))
                    return new(null, new Problem("backup_damaged", path));
                if (entry.Name is BackupFormat.Manifest or BackupFormat.ManifestChecksum)
                {
                    if (entry.Length > 16 * 1024 * 1024)
                        return new(null, new Problem("backup_damaged", path));
                    using var memory = new MemoryStream();
                    if (entry.DataStream is not null)
                        await entry.DataStream.CopyToAsync(memory, ct);
                    if (entry.Name == BackupFormat.Manifest)
                        manifestBytes = memory.ToArray();
                    else
                        manifestChecksum = Encoding.ASCII.GetString(memory.ToArray()).Split(' ', 2)[0].Trim();
                    seen[entry.Name] = (memory.Length, "");
                    continue;
                }
                seen[entry.Name] = await HashAsync(entry.DataStream, ct);
                progress?.Report(("verify", (int)Math.Min(int.MaxValue, file.Position * 100 / Math.Max(1, total)), 100));
            }
            // Whatever follows the end of the archive is read too: gzip checks its own checksum only at its very end.
            await gzip.CopyToAsync(Stream.Null, ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or FileNotFoundException or UnauthorizedAccessException))
        {
            // The file is someone's, read as untrusted input: whatever a damaged byte makes the readers throw, it is damage.
            return new(null, new Problem("backup_damaged", path));
        }
        progress?.Report(("verify", 100, 100));

        if (manifestBytes is null || manifestChecksum is null)
            return new(null, new Problem("backup_incomplete", path));
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), manifestChecksum, StringComparison.Ordinal))
            return new(null, new Problem("backup_damaged", path));
        if (BackupManifest.Parse(manifestBytes) is not { } manifest)
            return new(null, new Problem("backup_not_a_backup", path));
        if (manifest.FormatVersion > BackupFormat.Version)
            return new(null, new Problem("backup_format_newer", manifest.BayanVersion));
        foreach (var part in manifest.Parts)
        {
            if (!seen.TryGetValue(part.Name, out var found))
                return new(null, new Problem("backup_part_missing", path, part.Name));
            if (found.Bytes != part.Bytes || !string.Equals(found.Sha256, part.Sha256, StringComparison.OrdinalIgnoreCase))
                return new(null, new Problem("backup_part_damaged", path, part.Name));
        }
        var expected = manifest.Parts.Select(p => p.Name).Append(BackupFormat.Manifest).Append(BackupFormat.ManifestChecksum).ToHashSet();
        if (seen.Keys.FirstOrDefault(name => !expected.Contains(name)) is { } stranger)
            return new(null, new Problem("backup_part_unknown", path, stranger));
        return new(manifest, null);
    }

    /// <summary>
    /// Writes every part the manifest names to where <paramref name="destination"/> says (a path, or null to skip it),
    /// checking each against the manifest again: the file could have changed since it was verified.
    /// </summary>
    /// <returns>The first part that no longer matches, or null when all were written as verified.</returns>
    public static async Task<string?> ExtractAsync(string path, BackupManifest manifest, Func<string, string?> destination,
        IProgress<(string Step, int Done, int Total)>? progress, CancellationToken ct)
    {
        var parts = manifest.Parts.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var wanted = manifest.Parts.Count(p => destination(p.Name) is not null);
        var done = 0;
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (!parts.TryGetValue(entry.Name, out var part) || destination(entry.Name) is not { } target)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                var (bytes, sha256) = await HashAsync(entry.DataStream, ct, output);
                if (bytes != part.Bytes || !string.Equals(sha256, part.Sha256, StringComparison.OrdinalIgnoreCase))
                    return entry.Name;
            }
            progress?.Report(("restore", ++done, wanted));
        }
        return done == wanted ? null : path;
    }

    private static async Task<(long Bytes, string Sha256)> HashAsync(Stream? data, CancellationToken ct, Stream? copyTo = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        if (data is not null)
        {
            var buffer = new byte[81_920];
            int read;
            while ((read = await data.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
                if (copyTo is not null)
                    await copyTo.WriteAsync(buffer.AsMemory(0, read), ct);
                bytes += read;
            }
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
