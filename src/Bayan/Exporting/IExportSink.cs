namespace Bayan.Exporting;

/// <summary>
/// Where an export's files go: a folder (<see cref="FolderSink"/>), or the entries of an archive a caller provides.
/// Files are written one after the other, each stream disposed before the next is asked for.
/// </summary>
public interface IExportSink
{
    /// <param name="path">The file's path inside the export, with '/' between folders ("offices.jsonl", "media/2024/11/a.jpg").</param>
    Task<Stream> CreateAsync(string path, CancellationToken ct);
}

/// <summary>An export written into a folder on disk.</summary>
public sealed class FolderSink(string folder) : IExportSink
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public Task<Stream> CreateAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(Path.Combine(Folder, path));
        if (!full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{path}' is outside the export.", nameof(path));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Task.FromResult<Stream>(new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true));
    }
}
