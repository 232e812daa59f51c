using System.Globalization;

namespace Bayan.Backup;

/// <summary>
/// A backup is one gzip-compressed tar file (POSIX pax), written front to back without seeking, so that it can go
/// straight to a file or a download. Its entries, in this order:
/// <list type="bullet">
/// <item><c>database/bayan.db</c>: the SQLite database, as one consistent copy (<c>VACUUM INTO</c>); or, from PostgreSQL,
/// <c>database/*.jsonl</c> and <c>database/manifest.json</c>: Bayan's portable export (docs/export-format.md), read in one snapshot;</item>
/// <item><c>media/...</c>: every uploaded file and rendition, under the same names as in the data folder's media/;</item>
/// <item><c>keys/...</c>: the data-protection keys (they encrypt webhook secrets and sign sign-in cookies);</item>
/// <item><c>manifest.json</c>: <see cref="BackupManifest"/>, with the length and SHA-256 of every entry above;</item>
/// <item><c>manifest.json.sha256</c>: the SHA-256 of manifest.json, in the form <c>sha256sum -c</c> reads.</item>
/// </list>
/// The manifest comes last because only then are the checksums known; a file cut short lacks it and is refused.
/// </summary>
public static class BackupFormat
{
    public const string Name = "bayan-backup";
    public const int Version = 1;

    public const string DatabaseFolder = "database";
    public const string Database = DatabaseFolder + "/bayan.db";
    public const string Manifest = "manifest.json";
    public const string ManifestChecksum = "manifest.json.sha256";

    /// <summary>Folders of the data folder a backup holds besides the database, each under its own name in the archive.</summary>
    /// <remarks>keys: ASP.NET Core's data-protection keys (Bayan.Web's KeyProtection); without them webhook secrets cannot be read.</remarks>
    public static readonly IReadOnlyList<string> Folders = ["media", "keys"];

    public const string Extension = ".tar.gz";
    private const string DatedPrefix = "bayan-backup-";
    private const string DatedPattern = "yyyy-MM-dd'T'HHmmss'Z'";

    /// <summary>The name of a backup in a folder of them (--to DIR): sorted by name, they are sorted by time.</summary>
    public static string DatedFileName(DateTime utc) =>
        DatedPrefix + utc.ToString(DatedPattern, CultureInfo.InvariantCulture) + Extension;

    /// <summary>Whether a file name is one <see cref="DatedFileName"/> made: only those are ever removed by --keep.</summary>
    public static bool IsDatedFileName(string fileName) =>
        fileName.StartsWith(DatedPrefix, StringComparison.Ordinal)
        && fileName.EndsWith(Extension, StringComparison.Ordinal)
        && DateTime.TryParseExact(fileName[DatedPrefix.Length..^Extension.Length], DatedPattern, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    /// <summary>A name inside the archive that may be written under the data folder: relative, forward slashes, no way up.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and < 1024
        && !name.StartsWith('/')
        && !name.Contains('\\')
        && !name.Contains('\0')
        && name.Split('/').All(segment => segment is not ("" or "." or ".."));
}
