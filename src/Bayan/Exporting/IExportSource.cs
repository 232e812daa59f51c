namespace Bayan.Exporting;

/// <summary>Where an export is read from: a folder (<see cref="FolderSource"/>), or the entries of an archive a caller provides.</summary>
public interface IExportSource
{
    /// <summary>The file at <paramref name="path"/> ('/' between folders), or null when the export has none.</summary>
    Task<Stream?> OpenAsync(string path, CancellationToken ct);

    /// <summary>Says where the export is, for messages.</summary>
    string Describe();
}

/// <summary>An export in a folder on disk.</summary>
public sealed class FolderSource(string folder) : IExportSource
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public Task<Stream?> OpenAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(Path.Combine(Folder, path));
        if (!full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            return Task.FromResult<Stream?>(null);
        return Task.FromResult<Stream?>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
    }

    public string Describe() => Folder;
}
