using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Importing.WordPress;
using Bayan.Operations;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.K2;

internal sealed partial class K2Run
{
    private int itemsDone;

    /// <summary>
    /// Writes one batch of items read, a part of it to a transaction of the import's <see cref="ImportBatch"/>: the
    /// releases of new items started together, then each item finished (media, metadata, status), then their comments
    /// together, all committed at once with their records.
    /// </summary>
    public async Task ItemsAsync(K2Batch batch, CancellationToken ct)
    {
        if (!options.DryRun)
            await writes.BeginAsync(ct);
        foreach (var chunk in batch.Items.Chunk(writes.Size))
        {
            ct.ThrowIfCancellationRequested();
            var facts = chunk.Select(item => Facts(item, batch)).ToList();
            var fresh = Enumerable.Range(0, chunk.Length)
                .Where(i => !options.DryRun && facts[i] is { Known: null } or { Known.TargetId: null }).ToList();
            var created = await Archive.CreateAsync([.. fresh.Select(i => new ReleaseToCreate(facts[i]!.Byline, new NewRelease(
                facts[i]!.Office, ReleaseType.PressRelease, facts[i]!.Language, facts[i]!.Text.Title, facts[i]!.Text.Slug, facts[i]!.Text.Summary,
                facts[i]!.Text.Body, facts[i]!.Categories, facts[i]!.Tags)))], ct);
            var outcomes = new Dictionary<int, Outcome>();
            for (var k = 0; k < fresh.Count; k++)
                outcomes[fresh[k]] = created[k];
            db.ChangeTracker.Clear();
            for (var i = 0; i < chunk.Length; i++)
            {
                await ItemAsync(chunk[i], facts[i], outcomes.GetValueOrDefault(i), batch, ct);
                db.ChangeTracker.Clear();
            }
            progress.Report(("Items", itemsDone += chunk.Length, scan.ItemCount));
            if (options.DryRun)
                continue;
            await Archive.CommentsAsync(ct);
            db.ChangeTracker.Clear();
            await writes.NextAsync(ct);
        }
    }

    /// <summary>Commits the last items.</summary>
    public Task ItemsDoneAsync(CancellationToken ct) => writes.CommitAsync(ct);

    /// <summary>What an item becomes, worked out before anything is written; null for an item not imported (the report says why).</summary>
    private sealed record ItemFacts(
        string Language, int Office, string? Image, string? Caption, K2Text Text, List<int> Categories, List<string> Tags, string? Metadata,
        List<K2Attachment> Attachments, Actor Byline, string Hash, LedgerEntry? Known);

    private ItemFacts? Facts(K2Item item, K2Batch batch)
    {
        var id = item.Id.ToString();
        if (item.Trashed)
        {
            report.Skip(ImportKinds.Post, id, new Problem("import_skipped_trash"));
            return null;
        }
        var language = K2Content.Language(item.Language, item.Title + "\n" + item.IntroText, languages, defaultLanguage);
        if (!languages.Contains(language))
        {
            report.Skip(ImportKinds.Post, id, new Problem("import_language_not_on_site", language));
            return null;
        }
        var officeCategory = scan.OfficeCategoryOf(item.CategoryId);
        var office = officeCategory is { } c ? officeIds.GetValueOrDefault(c) : defaultOffice.Id;
        if (office == 0 && !options.DryRun)
        {
            report.Skip(ImportKinds.Post, id, new Problem("import_k2_office_not_made", officeCategory!));
            return null;
        }
        var image = K2Content.ImagePath(options.ImagesDirectory, item.Id);
        var caption = image is null ? null : K2Content.Caption(item);
        var text = K2Content.Text(item, caption);
        foreach (var tag in K2Content.PluginTags(item))
            report.Shortcode(tag, id);
        List<int> categories = categoryIds.TryGetValue(item.CategoryId, out var category) ? [category] : [];
        // At most the twenty an editor may give; K2 has no such limit.
        var tags = batch.Tags[item.Id].Select(WordPressContent.PlainText).Where(n => n.Length > 0).Distinct().Take(20).ToList();
        var metadata = K2Content.Metadata(item, scan.ExtraFieldNames);
        var attachments = batch.Attachments[item.Id].ToList();
        var byline = Byline(item);
        var hash = ImportLedger.Hash(text.Title, text.Slug, text.Summary, text.Body, language, office.ToString(), string.Join(",", categories),
            string.Join(",", tags), metadata, image is null ? null : $"{new FileInfo(image).Length}", caption,
            string.Join(",", attachments.Select(a => $"{a.Id}:{a.FileName}:{a.Title}")), byline.Name,
            $"{item.Published}:{item.Access}:{item.PublishUp:O}:{item.PublishDown:O}");
        return new ItemFacts(language, office, image, caption, text, categories, tags, metadata, attachments, byline, hash, Made(ImportKinds.Post, id));
    }

    /// <param name="created">For a new item, the outcome of starting its release (with the others of its batch).</param>
    private async Task ItemAsync(K2Item item, ItemFacts? facts, Outcome? created, K2Batch batch, CancellationToken ct)
    {
        if (facts is null)
            return;
        var id = item.Id.ToString();
        var (language, _, image, caption, text, categories, tags, metadata, attachments, byline, hash, known) = facts;
        if (Archive.Unchanged(known, hash))
        {
            await AfterwardsAsync(int.Parse(known!.TargetId!), item, batch, language, fresh: false, ct);
            return;
        }
        if (options.DryRun)
        {
            Archive.CountedDryRun(known);
            CountMedia(item, image, attachments);
            await AfterwardsAsync(0, item, batch, language, fresh: known?.TargetId is null, ct);
            return;
        }
        if (await Archive.WriteAsync(id, known, created, byline, language, text.Title, text.Slug, text.Summary, text.Body, categories, tags, ct)
            is not var (releaseId, status))
            return;
        await MediaAsync(releaseId, item, language, image, caption, attachments, ct);
        await db.Releases.Where(r => r.Id == releaseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Metadata, metadata), ct);
        await AfterwardsAsync(releaseId, item, batch, language, fresh: true, ct, status);
        // Only now is the item whole; the record is committed with it.
        await RememberAsync(ImportKinds.Post, id, releaseId.ToString(), language, item.OldUrl, hash, ct);
    }

    /// <summary>What follows the text: the release's status as K2 had it, and the item's comments.</summary>
    private async Task AfterwardsAsync(
        int releaseId, K2Item item, K2Batch batch, string language, bool fresh, CancellationToken ct, ReleaseStatus? status = null)
    {
        await FollowStatusAsync(releaseId, item, fresh, ct, status);
        Comments(releaseId, batch.Comments[item.Id], language);
    }

    /// <summary>Who wrote it: the item's "created by" alias, else the Joomla user's name; the revisions' byline.</summary>
    private Actor Byline(K2Item item) =>
        item.CreatedByAlias.Trim() is { Length: > 0 } alias ? Actor.System(alias)
        : scan.UserNames.TryGetValue(item.CreatedBy, out var name) && name.Trim().Length > 0 ? Actor.System(name.Trim())
        : Importer;
}
