using Bayan.Accounts;
using Bayan.Categories;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

/// <summary>
/// One run of a WordPress import: what the scan learnt, what earlier runs made (by WordPress id), and the
/// report. Each step is in a file of its own: categories and tags here, attachments, posts and pages,
/// comments, publication beside it.
/// </summary>
internal sealed partial class WordPressRun(
    BayanDb db,
    TimeProvider clock,
    ImportOperations operations,
    ImportBatch batch,
    WxrScan scan,
    WordPressImportOptions options,
    ImportReport report,
    IProgress<(string Step, int Done, int Total)> progress,
    HashSet<string> languages,
    Dictionary<string, int> offices,
    string termLanguage)
{
    private static readonly Actor Importer = Actor.System("import:wordpress");

    private readonly ImportLedger ledger = new(db, clock, ImportWordPress.Source,
        scan.Site.BaseSiteUrl.Length > 0 ? scan.Site.BaseSiteUrl : scan.Site.BaseBlogUrl, batch);

    private readonly Dictionary<string, int> categoryIds = new(StringComparer.Ordinal);

    private ArchiveItems? archive;

    /// <summary>The steps an item takes as any importer's: its text, its status, its comments, publication.</summary>
    private ArchiveItems Archive => archive ??= new ArchiveItems(db, clock, operations, batch, ledger, report, Importer);

    public async Task LoadAsync(CancellationToken ct)
    {
        await ledger.LoadAsync(ct);
        foreach (var item in ledger.Items.Where(i => i.Kind == ImportKinds.Category))
            if (int.TryParse(item.TargetId, out var id))
                categoryIds[item.SourceId] = id;
    }

    private LedgerEntry? Made(string kind, string sourceId) => ledger.Made(kind, sourceId);

    private Task<LedgerEntry> RememberAsync(
        string kind, string sourceId, string? target, string? language, string? oldUrl, string? hash, CancellationToken ct) =>
        ledger.RememberAsync(kind, sourceId, target, language, oldUrl, hash, ct);

    private static string? Cut(string? text, int length) => ImportLedger.Cut(text, length);

    /// <summary>A WordPress slug as readers saw it: WordPress keeps non-Latin slugs percent-encoded.</summary>
    private static string Decoded(string slug)
    {
        try
        {
            return Uri.UnescapeDataString(slug).Trim();
        }
        catch (UriFormatException)
        {
            return slug.Trim();
        }
    }

    private static Problem ProblemOf(Outcome outcome) => ArchivePublication.ProblemOf(outcome);

    /// <summary>Categories with their parents, parents first; a slug Bayan already has is that category, not a second one.</summary>
    public async Task CategoriesAsync(CancellationToken ct)
    {
        var pending = scan.Categories.DistinctBy(c => c.Slug).ToList();
        var done = 0;
        while (pending.Count > 0)
        {
            var ready = pending.Where(c => c.ParentSlug is null || categoryIds.ContainsKey(Decoded(c.ParentSlug))
                || !pending.Any(p => p.Slug == c.ParentSlug) || options.DryRun).ToList();
            // A parent that never comes (a loop, or one missing from the file): the rest go in without one.
            if (ready.Count == 0)
                ready = pending;
            foreach (var category in ready)
            {
                await CategoryAsync(category, ct);
                progress.Report(("Categories", ++done, scan.Categories.Count));
            }
            pending = [.. pending.Except(ready)];
        }
    }

    private async Task CategoryAsync(WxrCategory category, CancellationToken ct)
    {
        // Known by its WordPress slug (as parents, posts and office maps name it), saved under a slug Bayan takes.
        var key = Decoded(category.Slug);
        var slug = Slug.IsWellFormed(key) ? key : Slug.From(category.Name);
        var oldUrl = $"{scan.Site.BaseBlogUrl}/category/{category.Slug}/";
        if (Made(ImportKinds.Category, key) is { TargetId: not null })
        {
            report.Of(ImportKinds.Category).Unchanged++;
            return;
        }
        int? parent = category.ParentSlug is { } p && categoryIds.TryGetValue(Decoded(p), out var parentId) ? parentId : null;
        if (await Archive.CategoryAsync(slug, termLanguage, slug, WordPressContent.PlainText(category.Name), parent, options.DryRun, ct)
            is not { } existing)
            return;
        categoryIds[key] = existing;
        await RememberAsync(ImportKinds.Category, key, existing.ToString(), termLanguage, oldUrl, null, ct);
    }

    /// <summary>
    /// Tags are made by the releases that use them (by name, as an editor types them); what each WordPress tag
    /// became is remembered afterwards, for the redirects of its old address.
    /// </summary>
    public async Task TagsAsync(CancellationToken ct)
    {
        if (options.DryRun)
            return;
        var done = 0;
        await batch.BeginAsync(ct);
        foreach (var tag in scan.Tags.DistinctBy(t => t.Slug))
        {
            progress.Report(("Tags", ++done, scan.Tags.Count));
            var slug = Decoded(tag.Slug);
            if (Made(ImportKinds.Tag, slug) is { TargetId: not null })
                continue;
            var bayanSlug = Slug.From(WordPressContent.PlainText(tag.Name));
            var id = await db.TagNames.AsNoTracking().Where(n => n.Slug == bayanSlug).OrderBy(n => n.Language == termLanguage ? 0 : 1)
                .Select(n => (int?)n.TagId).FirstOrDefaultAsync(ct);
            if (id is null)
                continue;
            report.Of(ImportKinds.Tag).Imported++;
            await RememberAsync(ImportKinds.Tag, slug, id.Value.ToString(), termLanguage, $"{scan.Site.BaseBlogUrl}/tag/{tag.Slug}/", null, ct);
            await batch.ItemDoneAsync(ct);
        }
        await batch.CommitAsync(ct);
    }
}
