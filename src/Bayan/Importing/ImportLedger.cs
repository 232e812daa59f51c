using System.Security.Cryptography;
using System.Text;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing;

/// <summary>
/// What earlier runs of one source site's import made, by kind and source id (<see cref="ImportedItem"/>), so a
/// run updates instead of duplicating and picks up where an interrupted one stopped. Every importer keeps one.
/// Rows are not tracked, so the context can be cleared between items.
/// </summary>
public sealed class ImportLedger(BayanDb db, TimeProvider clock, string source, string sourceSite)
{
    private readonly Dictionary<(string Kind, string SourceId), ImportedItem> made = [];

    public string Source => source;
    public string SourceSite => sourceSite;

    /// <summary>Everything remembered so far, for lookups by kind (a category's id by its source key).</summary>
    public IEnumerable<ImportedItem> Items => made.Values;

    public async Task LoadAsync(CancellationToken ct)
    {
        await foreach (var item in db.ImportedItems.AsNoTracking()
                           .Where(i => i.Source == source && i.SourceSite == sourceSite).AsAsyncEnumerable().WithCancellation(ct))
            made[(item.Kind, item.SourceId)] = item;
    }

    public ImportedItem? Made(string kind, string sourceId) => made.GetValueOrDefault((kind, sourceId));

    /// <summary>Remembers what an item became (or is becoming: a null target), at once, so an interruption loses at most this item.</summary>
    public async Task<ImportedItem> RememberAsync(
        string kind, string sourceId, string? target, string? language, string? oldUrl, string? hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        oldUrl = Cut(oldUrl, Limits.Url);
        var oldPath = Cut(Redirects.OldPaths.KeyOfUrl(oldUrl), Limits.Url);
        if (Made(kind, sourceId) is { } known)
        {
            await db.ImportedItems.Where(i => i.Id == known.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.TargetId, target)
                .SetProperty(i => i.Language, language)
                .SetProperty(i => i.OldUrl, oldUrl)
                .SetProperty(i => i.OldPath, oldPath)
                .SetProperty(i => i.ContentHash, hash)
                .SetProperty(i => i.UpdatedAt, now), ct);
            (known.TargetId, known.Language, known.OldUrl, known.OldPath, known.ContentHash, known.UpdatedAt) = (target, language, oldUrl, oldPath, hash, now);
            return known;
        }
        var item = new ImportedItem
        {
            Source = source,
            SourceSite = sourceSite,
            Kind = kind,
            SourceId = sourceId,
            TargetId = target,
            Language = language,
            OldUrl = oldUrl,
            OldPath = oldPath,
            ContentHash = hash,
            ImportedAt = now,
            UpdatedAt = now,
        };
        db.ImportedItems.Add(item);
        await db.SaveChangesAsync(ct);
        db.Entry(item).State = EntityState.Detached;
        made[(kind, sourceId)] = item;
        return item;
    }

    /// <summary>A digest of what an item was imported from: a run that finds the same digest leaves the item alone.</summary>
    public static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', parts.Select(p => p ?? "")))));

    public static string? Cut(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
