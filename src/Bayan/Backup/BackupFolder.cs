namespace Bayan.Backup;

/// <summary>A folder of dated backups (`bayan backup --to DIR --keep N`): the newest N stay, older ones go.</summary>
public static class BackupFolder
{
    /// <summary>Removes all but the newest <paramref name="keep"/> dated backups; files of any other name are never touched.</summary>
    /// <returns>The names removed.</returns>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var old = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(BackupFormat.IsDatedFileName)
            // The names carry their UTC time: by name is by age.
            .OrderDescending(StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var name in old)
            File.Delete(Path.Combine(folder, name));
        return old;
    }
}
