using Bayan.Data;
using Bayan.Media;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Checking;

/// <summary>
/// The media folder against the media library: every item's original and resized copies are on disk
/// (the original at the size it was stored with), and what lies there besides is named. Repaired: a
/// missing resized copy is made again from the original; the folder of an upload that never finished
/// (a crash between writing and saving) is removed. A lost or cut original cannot be repaired: it is
/// reported, with the releases that show it, to be uploaded again or taken from a backup.
/// </summary>
internal static class MediaFilesCheck
{
    public const string Area = "media";

    /// <summary>Where an upload is written before it is moved into place (<see cref="StoreUpload"/>).</summary>
    private const string IncomingPrefix = ".incoming-";

    /// <summary>An upload folder untouched for this long is a leftover, not an upload in progress on a running site.</summary>
    private static readonly TimeSpan Unfinished = TimeSpan.FromHours(1);

    public static async Task<(int Items, List<CheckFinding> Findings)> RunAsync(
        BayanDb db, MediaOptions options, DateTime now, bool repair, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Folder);
        var findings = new List<CheckFinding>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var total = await db.Media.CountAsync(ct);
        var done = 0;
        await foreach (var item in db.Media.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            findings.AddRange(await CheckItemAsync(item, folder, known, repair, ct));
            if (++done % 100 == 0 || done == total)
                progress.Report(("Media", done, total));
        }
        if (Directory.Exists(folder))
            findings.AddRange(Leftovers(folder, known, now, repair));
        return (total, findings);
    }

    private static async Task<List<CheckFinding>> CheckItemAsync(MediaItem item, string folder, HashSet<string> known, bool repair, CancellationToken ct)
    {
        var findings = new List<CheckFinding>();
        var original = PathOf(folder, item.Url);
        var renditions = MediaRenditions.Of(item).Select(r => PathOf(folder, r.Url)).ToList();
        foreach (var path in renditions.Prepend(original).OfType<string>())
            known.Add(path);
        if (original is null || !File.Exists(original))
            return [new(Area, new Problem("check_media_missing", item.FileName, item.Id), FindingState.Found)];
        if (new FileInfo(original).Length != item.Bytes)
            findings.Add(new(Area, new Problem("check_media_cut", item.FileName, item.Id, new FileInfo(original).Length, item.Bytes), FindingState.Found));

        var lost = renditions.Where(p => p is null || !File.Exists(p)).ToList();
        if (lost.Count == 0)
            return findings;
        var remade = repair && !lost.Contains(null) && findings.Count == 0 && Enum.TryParse<MediaKind>(item.Kind, out var kind) && kind.IsImage()
            && await RemakeAsync(item, kind, original, folder, [.. lost.OfType<string>()], ct);
        findings.Add(new(Area, new Problem("check_media_rendition_missing", item.FileName, item.Id, lost.Count),
            remade ? FindingState.Repaired : FindingState.Found));
        return findings;
    }

    /// <summary>
    /// Makes the item's resized copies again from its original, as an upload does, in a folder of its
    /// own beside the media; only the missing ones are moved into place, each by one rename.
    /// </summary>
    private static async Task<bool> RemakeAsync(MediaItem item, MediaKind kind, string original, string folder, IReadOnlyList<string> lost, CancellationToken ct)
    {
        var staging = Path.Combine(folder, $"{IncomingPrefix}check-{item.Id:N}");
        Directory.CreateDirectory(staging);
        try
        {
            var made = await ImageRenditions.WriteAsync(original, UploadName.From(item.FileName), kind, staging, ct);
            if (made.Problem is not null)
                return false;
            var byName = made.Renditions.ToDictionary(r => r.FileName, r => Path.Combine(staging, r.FileName), StringComparer.Ordinal);
            if (!lost.All(p => byName.ContainsKey(Path.GetFileName(p))))
                return false;
            foreach (var path in lost)
                File.Move(byName[Path.GetFileName(path)], path);
            return true;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>What lies in the media folder that no item names: unfinished uploads (removed on repair) and other files (only named).</summary>
    private static IEnumerable<CheckFinding> Leftovers(string folder, HashSet<string> known, DateTime now, bool repair)
    {
        var leftovers = Directory.EnumerateDirectories(folder, IncomingPrefix + "*")
            .Where(d => Directory.GetLastWriteTimeUtc(d) < now - Unfinished).Order(StringComparer.Ordinal).ToList();
        foreach (var incoming in leftovers)
        {
            if (repair)
                Directory.Delete(incoming, recursive: true);
            yield return new(Area, new Problem("check_media_unfinished", Path.GetFileName(incoming)), repair ? FindingState.Repaired : FindingState.Found);
        }
        var others = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !known.Contains(f) && !Path.GetRelativePath(folder, f).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var file in others)
            yield return new(Area, new Problem("check_media_unknown", Path.GetRelativePath(folder, file)), FindingState.Note);
    }

    /// <summary>The file a /media/ address is served from; null for an address outside the media folder.</summary>
    private static string? PathOf(string folder, string url)
    {
        if (!url.StartsWith(UploadMedia.UrlPrefix, StringComparison.Ordinal))
            return null;
        var relative = Uri.UnescapeDataString(url[UploadMedia.UrlPrefix.Length..]);
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }
}
