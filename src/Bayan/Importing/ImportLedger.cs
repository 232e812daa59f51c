using System.Security.Cryptography;
using System.Text;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing;

/// <summary>What a run needs to know of one ledger row: what it became, in which language, and the digest it was imported from.</summary>
public sealed class LedgerEntry(string kind, string sourceId)
{
    /// <summary>The row's id; 0 while it waits for its batch's commit.</summary>
    public int Id { get; internal set; }
    public string Kind => kind;
    public string SourceId => sourceId;
    public string? TargetId { get; internal set; }
    public string? Language { get; internal set; }
    public string? ContentHash { get; internal set; }

    /// <summary>The old address, kept for attachments only (an imported body's image links are mapped by it), not for the many posts.</summary>
    public string? OldUrl { get; internal set; }
}

/// <summary>
/// What earlier runs of one source site's import made, by kind and source id (<see cref="ImportedItem"/>), so a
/// run updates instead of duplicating and picks up where an interrupted one stopped. Every importer keeps one.
/// Only what a run asks of a row is kept in memory (<see cref="LedgerEntry"/>: no old addresses, no times): at
/// 100,000 posts the whole rows were most of the import's memory. While the import's batch is open (<see cref="ImportBatch"/>),
/// new rows wait and are written together just before its commit, in its transaction, so an item and its row are
/// committed together or not at all; outside a batch a row is written at once.
/// </summary>
public sealed class ImportLedger(BayanDb db, TimeProvider clock, string source, string sourceSite, ImportBatch? batch = null)
{
    private readonly Dictionary<(string Kind, string SourceId), LedgerEntry> made = [];
    private readonly List<(LedgerEntry Entry, ImportedItem Row)> waiting = [];
    private bool flushing;

    public string Source => source;
    public string SourceSite => sourceSite;

    /// <summary>Everything remembered so far, for lookups by kind (a category's id by its source key).</summary>
    public IEnumerable<LedgerEntry> Items => made.Values;

    public async Task LoadAsync(CancellationToken ct)
    {
        var rows = db.ImportedItems.AsNoTracking().Where(i => i.Source == source && i.SourceSite == sourceSite)
            .Select(i => new { i.Id, i.Kind, i.SourceId, i.TargetId, i.Language, i.ContentHash, OldUrl = i.Kind == ImportKinds.Attachment ? i.OldUrl : null });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            made[(string.Intern(row.Kind), row.SourceId)] = new LedgerEntry(string.Intern(row.Kind), row.SourceId)
            {
                Id = row.Id, TargetId = row.TargetId, Language = row.Language, ContentHash = row.ContentHash, OldUrl = row.OldUrl,
            };
    }

    public LedgerEntry? Made(string kind, string sourceId) => made.GetValueOrDefault((kind, sourceId));

    /// <summary>Remembers what an item became (or is becoming: a null target), with the batch's commit, or at once outside a batch.</summary>
    public async Task<LedgerEntry> RememberAsync(
        string kind, string sourceId, string? target, string? language, string? oldUrl, string? hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        oldUrl = Cut(oldUrl, Limits.Url);
        var oldPath = Cut(Redirects.OldPaths.KeyOfUrl(oldUrl), Limits.Url);
        if (Made(kind, sourceId) is { } known)
        {
            if (known.Id == 0 && waiting.FindIndex(w => w.Entry == known) is var at and >= 0)
            {
                var row = waiting[at].Row;
                (row.TargetId, row.Language, row.OldUrl, row.OldPath, row.ContentHash, row.UpdatedAt) = (target, language, oldUrl, oldPath, hash, now);
            }
            else
            {
                await db.ImportedItems.Where(i => i.Id == known.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.TargetId, target)
                    .SetProperty(i => i.Language, language)
                    .SetProperty(i => i.OldUrl, oldUrl)
                    .SetProperty(i => i.OldPath, oldPath)
                    .SetProperty(i => i.ContentHash, hash)
                    .SetProperty(i => i.UpdatedAt, now), ct);
            }
            (known.TargetId, known.Language, known.ContentHash) = (target, language, hash);
            known.OldUrl = kind == ImportKinds.Attachment ? oldUrl : null;
            return known;
        }
        var entry = new LedgerEntry(kind, sourceId)
        {
            TargetId = target, Language = language, ContentHash = hash, OldUrl = kind == ImportKinds.Attachment ? oldUrl : null,
        };
        made[(kind, sourceId)] = entry;
        waiting.Add((entry, new ImportedItem
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
        }));
        if (batch is { IsOpen: true })
            batch.Hold(this);
        else
            await FlushAsync(ct);
        return entry;
    }

    /// <summary>Writes the rows waiting, all in one save.</summary>
    internal async Task FlushAsync(CancellationToken ct)
    {
        if (waiting.Count == 0 || flushing)
            return;
        flushing = true;
        try
        {
            var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                db.ImportedItems.AddRange(waiting.Select(w => w.Row));
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            }
            foreach (var (entry, row) in waiting)
            {
                entry.Id = row.Id;
                db.Entry(row).State = EntityState.Detached;
            }
            waiting.Clear();
        }
        finally
        {
            flushing = false;
        }
    }

    /// <summary>The batch was rolled back: the rows waiting were never written, and what they said is forgotten.</summary>
    internal void Forget()
    {
        foreach (var (entry, _) in waiting)
            made.Remove((entry.Kind, entry.SourceId));
        waiting.Clear();
    }

    /// <summary>A digest of what an item was imported from: a run that finds the same digest leaves the item alone.</summary>
    public static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', parts.Select(p => p ?? "")))));

    public static string? Cut(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
