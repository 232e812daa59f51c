using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Bayan.Themes;

/// <summary>
/// The theme's files as Fluid sees them, each looked up once and again only when it changes. Every
/// <c>{% include %}</c> asks for its file on every render, and asking the disk each time was some 7%
/// of a release page; a remembered file also keeps its modification time, so Fluid's parsed copy of
/// it stays valid until the file really changes.
/// </summary>
/// <param name="changed">Told when a remembered file changes.</param>
internal sealed class RememberedFiles(IFileProvider files, Action changed) : IFileProvider
{
    private readonly ConcurrentDictionary<string, IFileInfo> known = new();

    public IFileInfo GetFileInfo(string subpath)
    {
        if (known.TryGetValue(subpath, out var remembered))
            return remembered;
        var change = files.Watch(subpath);
        return WatchedFiles.Keep(known, subpath, files.GetFileInfo(subpath), change, changed);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => files.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => files.Watch(filter);
}
