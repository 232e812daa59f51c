using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Bayan.Themes;

/// <summary>What is made from a theme's file, kept until the file changes.</summary>
internal static class WatchedFiles
{
    /// <summary>
    /// Keeps <paramref name="made"/> in <paramref name="kept"/> under <paramref name="key"/> until
    /// <paramref name="change"/> fires, then drops it and tells <paramref name="changed"/>. The caller watches
    /// the file before it reads it: a change landing in between then drops what was read at once,
    /// instead of keeping it until the next change.
    /// </summary>
    public static T Keep<T>(ConcurrentDictionary<string, T> kept, string key, T made, IChangeToken change, Action changed)
    {
        var entry = KeyValuePair.Create(key, made);
        if (!change.HasChanged && kept.TryAdd(key, made))
        {
            change.RegisterChangeCallback(_ =>
            {
                kept.TryRemove(entry);
                changed();
            }, null);
            if (change.HasChanged)
                kept.TryRemove(entry);
        }
        return made;
    }
}
