using Bayan.Accounts;
using Bayan.Data;
using Bayan.Editing;
using System.Threading.Channels;
using Bayan.Operations;
using Bayan.Rendering;
using Bayan.Releases;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    private sealed record ItemText(string Title, string? Slug, string Summary, string Body, IReadOnlyList<string> Shortcodes);

    private Dictionary<long, WxrPlannedItem>? plans;

    private Dictionary<long, WxrPlannedItem> Plans => plans ??= scan.Items.DistinctBy(i => i.Id).ToDictionary(i => i.Id);

    /// <summary>
    /// Reads the file again and writes its posts and pages: with <paramref name="originals"/>, those that stand alone or
    /// lead a translation group; then, the translations of those.
    /// </summary>
    public async Task ItemsAsync(Func<Stream> open, bool originals, CancellationToken ct)
    {
        var total = scan.Items.Count(i => scan.IsOriginal(i) == originals);
        if (total == 0)
            return;
        var step = originals ? "Posts" : "Translations";
        var done = 0;
        var plans = Plans;
        if (!options.DryRun)
            await batch.BeginAsync(ct);
        // The file is read and each body converted (and rendered) on another core, a few items ahead of the writing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ahead = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAheadAsync(open, plans, originals, ahead.Writer, stop.Token), stop.Token);
        try
        {
            // A batch at a time: its new releases started together, then each item finished, its comments written together, one commit.
            var chunk = new List<Prepared>(batch.Size);
            await foreach (var prepared in ahead.Reader.ReadAllAsync(ct))
            {
                chunk.Add(prepared);
                if (chunk.Count < batch.Size)
                    continue;
                await ChunkAsync(chunk, ct);
                progress.Report((step, done += chunk.Count, total));
                chunk.Clear();
            }
            await ChunkAsync(chunk, ct);
            progress.Report((step, done + chunk.Count, total));
            await reading;
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await batch.CommitAsync(ct);
    }

    /// <summary>What a post becomes, worked out before anything is written: its office, categories, tags and digest.</summary>
    private sealed record PostFacts(string Id, int Office, List<string> Categories, List<int> CategoryIds, List<string> Tags, string Hash, LedgerEntry? Known);

    private PostFacts Facts(WxrItem item, WxrPlannedItem plan, ItemText text)
    {
        var categories = item.TermsOf("category").Select(t => Decoded(t.Slug)).Distinct().ToList();
        // At most the twenty an editor may give; WordPress has no such limit.
        var tags = item.TermsOf("post_tag").Select(t => WordPressContent.PlainText(t.Name)).Where(n => n.Length > 0).Distinct().Take(20).ToList();
        var office = offices[options.OfficeMap?.OfficeFor(categories, item.Creator) ?? options.OfficeCode];
        var hash = Hash(text.Title, text.Slug, text.Summary, text.Body, plan.Status, plan.PublishedUtc?.ToString("O"), item.Password,
            plan.Language, office.ToString(), string.Join(",", categories), string.Join(",", tags), item.MetaValue("_thumbnail_id"));
        return new PostFacts(item.PostId.ToString(), office, categories, [.. categories.Where(categoryIds.ContainsKey).Select(c => categoryIds[c])],
            tags, hash, Made(ImportKinds.Post, item.PostId.ToString()));
    }

    /// <summary>
    /// Writes a batch of items: the releases of new original posts started together (<see cref="ArchiveItems.CreateAsync"/>),
    /// then each item finished in turn, then their comments together; all committed at once, with their records.
    /// </summary>
    private async Task ChunkAsync(List<Prepared> chunk, CancellationToken ct)
    {
        if (chunk.Count == 0)
            return;
        var facts = chunk.Select(p => p.Item.PostType == "post" && NotImported(p.Plan) is null ? Facts(p.Item, p.Plan, p.Text) : null).ToList();
        var fresh = Enumerable.Range(0, chunk.Count)
            .Where(i => !options.DryRun && facts[i] is { Known.TargetId: null } or { Known: null } && scan.IsOriginal(chunk[i].Plan)).ToList();
        var created = await Archive.CreateAsync([.. fresh.Select(i => new ReleaseToCreate(Byline(chunk[i].Item), new NewRelease(
            facts[i]!.Office, ReleaseType.PressRelease, chunk[i].Plan.Language, chunk[i].Text.Title, chunk[i].Text.Slug, chunk[i].Text.Summary,
            chunk[i].Text.Body, facts[i]!.CategoryIds, facts[i]!.Tags)))], ct);
        var outcomes = new Dictionary<int, Outcome>();
        for (var k = 0; k < fresh.Count; k++)
            outcomes[fresh[k]] = created[k];
        db.ChangeTracker.Clear();
        for (var i = 0; i < chunk.Count; i++)
        {
            var (item, plan, text) = chunk[i];
            foreach (var shortcode in text.Shortcodes)
                report.Shortcode(shortcode, item.PostId.ToString());
            if (item.PostType == "page")
                await PageAsync(item, plan, text, ct);
            else
                await PostAsync(item, plan, text, facts[i], outcomes.GetValueOrDefault(i), ct);
            db.ChangeTracker.Clear();
        }
        if (!options.DryRun)
        {
            await Archive.CommentsAsync(ct);
            db.ChangeTracker.Clear();
            await batch.NextAsync(ct);
        }
    }

    /// <summary>An item of the file with its text as it will be saved.</summary>
    private sealed record Prepared(WxrItem Item, WxrPlannedItem Plan, ItemText Text);

    private async Task ReadAheadAsync(
        Func<Stream> open, Dictionary<long, WxrPlannedItem> plans, bool originals, ChannelWriter<Prepared> ahead, CancellationToken ct)
    {
        try
        {
            var seen = new HashSet<long>();
            await using var stream = open();
            foreach (var entry in WxrReader.Read(stream))
            {
                ct.ThrowIfCancellationRequested();
                if (entry is not WxrItem { PostType: "post" or "page" } item || !plans.TryGetValue(item.PostId, out var plan)
                    || scan.IsOriginal(plan) != originals || !seen.Add(item.PostId))
                    continue;
                // An item not imported is still written through (the report names it), without its text.
                if (NotImported(plan) is not null || item.PostType == "page" && !plan.IsPublic)
                {
                    await ahead.WriteAsync(new Prepared(item, plan, NoText), ct);
                    continue;
                }
                var text = Text(item);
                if (!options.DryRun)
                    MarkdownRenderer.RenderAhead(text.Body);
                await ahead.WriteAsync(new Prepared(item, plan, text), ct);
            }
            ahead.Complete();
        }
        catch (Exception e)
        {
            ahead.Complete(e);
        }
    }

    private static readonly ItemText NoText = new("", null, "", "", []);

    /// <summary>Why an item is not imported at all, by its status and language; null when it is.</summary>
    private Problem? NotImported(WxrPlannedItem plan) => plan.Status switch
    {
        "trash" => new Problem("import_skipped_trash"),
        not ("publish" or "future" or "draft" or "pending" or "private") => new Problem("import_skipped_status", plan.Status),
        _ when !languages.Contains(plan.Language) => new Problem("import_language_not_on_site", plan.Language),
        _ => null,
    };

    /// <param name="created">For a new original post, the outcome of starting its release (with the others of its batch).</param>
    private async Task PostAsync(WxrItem item, WxrPlannedItem plan, ItemText text, PostFacts? facts, Outcome? created, CancellationToken ct)
    {
        var id = item.PostId.ToString();
        if (NotImported(plan) is { } reason)
        {
            report.Skip(ImportKinds.Post, id, reason);
            return;
        }
        if (facts is null)
            return;
        var (_, _, _, categoryList, tags, hash, known) = facts;
        if (Archive.Unchanged(known, hash))
        {
            await AfterwardsAsync(int.Parse(known!.TargetId!), item, plan, fresh: false, ct);
            return;
        }
        if (options.DryRun)
        {
            Archive.CountedDryRun(known);
            CountComments(item);
            if (scan.IsOriginal(plan))
                await FollowStatusAsync(0, item, plan, fresh: known?.TargetId is null, ct);
            return;
        }
        int releaseId;
        // What the release is now, when this run knows it without asking (it just made it).
        ReleaseStatus? status = null;
        if (!scan.IsOriginal(plan))
        {
            if (await TranslationAsync(item, plan, text, known, ct) is not { } translated)
                return;
            releaseId = translated;
            Archive.Counted(known);
        }
        else if (await Archive.WriteAsync(id, known, created, Byline(item), plan.Language, text.Title, text.Slug, text.Summary, text.Body,
                     categoryList, tags, ct) is { } written)
        {
            (releaseId, status) = written;
        }
        else
        {
            return;
        }
        if (scan.IsOriginal(plan))
            await SetMediaAsync(releaseId, item, ct);
        await AfterwardsAsync(releaseId, item, plan, fresh: true, ct, status);
        // Only now is the item whole; the record is committed with it.
        await RememberAsync(ImportKinds.Post, id, releaseId.ToString(), plan.Language, item.Link, hash, ct);
    }

    /// <summary>A translation becomes a language version of its original's release.</summary>
    private async Task<int?> TranslationAsync(WxrItem item, WxrPlannedItem plan, ItemText text, LedgerEntry? known, CancellationToken ct)
    {
        var id = item.PostId.ToString();
        var originalId = scan.Originals[plan.Group!];
        var original = Plans[originalId];
        if (Made(ImportKinds.Post, originalId.ToString())?.TargetId is not { } target)
        {
            report.Skip(ImportKinds.Post, id, new Problem("import_translation_without_original", originalId));
            return null;
        }
        // A version is as public as its release: a draft translation of a published original stays out.
        if (!plan.IsPublic && original.IsPublic)
        {
            report.Skip(ImportKinds.Post, id, new Problem("import_translation_not_public", originalId));
            return null;
        }
        var releaseId = int.Parse(target);
        var taken = await db.ReleaseVersions.AnyAsync(v => v.ReleaseId == releaseId && v.Language == plan.Language, ct);
        // Taken by another post of the group; a version this run's predecessor made before it stopped is its own.
        if (taken && known is null)
        {
            report.Skip(ImportKinds.Post, id, new Problem("import_translation_language_taken", plan.Language, originalId));
            return null;
        }
        if (await SaveTextAsync(Byline(item), releaseId, plan.Language, text, ct) is { } problem)
        {
            report.Skip(ImportKinds.Post, id, problem);
            return null;
        }
        return releaseId;
    }

    private Task<Problem?> SaveTextAsync(Actor actor, int releaseId, string language, ItemText text, CancellationToken ct) =>
        Archive.SaveTextAsync(actor, releaseId, language, text.Title, text.Slug, text.Summary, text.Body, ct);

    /// <summary>What follows the text: the release's status as WordPress had it, and the version's comments.</summary>
    private async Task AfterwardsAsync(int releaseId, WxrItem item, WxrPlannedItem plan, bool fresh, CancellationToken ct, ReleaseStatus? status = null)
    {
        if (scan.IsOriginal(plan))
            await FollowStatusAsync(releaseId, item, plan, fresh, ct, status);
        if (!options.DryRun)
            await CommentsAsync(releaseId, item, plan.Language, ct);
    }

    /// <summary>The item's text as it is saved; its shortcodes are reported by the writing, not here (another thread).</summary>
    private ItemText Text(WxrItem item)
    {
        var converted = WordPressContent.ToMarkdown(item.Content, url => mediaUrls.GetValueOrDefault(url));
        var slug = Decoded(item.PostName);
        var title = WordPressContent.PlainText(item.Title);
        if (title.Length == 0)
            title = slug.Length > 0 ? slug.Replace('-', ' ') : $"#{item.PostId}";
        return new ItemText(Cut(title, Limits.Title)!, Slug.IsWellFormed(slug) ? slug : null,
            Cut(WordPressContent.PlainText(item.Excerpt), Limits.Summary)!, converted.Markdown, converted.Shortcodes);
    }

    /// <summary>Who wrote it, as WordPress names its author: the revisions' byline.</summary>
    private Actor Byline(WxrItem item) =>
        scan.Authors.TryGetValue(item.Creator, out var author) && author.DisplayName.Trim().Length > 0
            ? Actor.System(author.DisplayName.Trim())
            : item.Creator.Trim().Length > 0 ? Actor.System(item.Creator.Trim()) : Importer;

    private static string Hash(params string?[] parts) => ImportLedger.Hash(parts);
}
