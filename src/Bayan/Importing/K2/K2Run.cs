using Bayan.Accounts;
using Bayan.Categories;
using Bayan.Data;
using Bayan.Importing.WordPress;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.K2;

/// <summary>
/// One run of a K2 import: what was read before writing, what earlier runs made (by K2 id, in the shared
/// <see cref="ImportLedger"/>), and the report. Offices and categories here; items, their media and comments,
/// and publication in files beside it.
/// </summary>
internal sealed partial class K2Run(
    BayanDb db,
    TimeProvider clock,
    ImportOperations operations,
    SaveOffice saveOffice,
    ImportBatch writes,
    string sourceSite,
    K2Scan scan,
    K2ImportOptions options,
    ImportReport report,
    IProgress<(string Step, int Done, int Total)> progress,
    ISet<string> languages,
    string defaultLanguage,
    Office defaultOffice)
{
    /// <summary>A K2 category made an office is remembered under this kind, its target the office's id.</summary>
    public const string OfficeKind = "office";

    private static readonly Actor Importer = Actor.System("import:k2");

    private readonly ImportLedger ledger = new(db, clock, ImportK2.Source, sourceSite, writes);

    /// <summary>K2 category id to the Bayan category, and to the office, it became.</summary>
    private readonly Dictionary<int, int> categoryIds = [];
    private readonly Dictionary<int, int> officeIds = [];

    private ArchiveItems? archive;

    /// <summary>The steps an item takes as any importer's: its text, its status, its comments, publication.</summary>
    private ArchiveItems Archive => archive ??= new ArchiveItems(db, clock, operations, writes, ledger, report, Importer);

    public async Task LoadAsync(CancellationToken ct)
    {
        await ledger.LoadAsync(ct);
        foreach (var item in ledger.Items)
            if (int.TryParse(item.SourceId, out var source) && int.TryParse(item.TargetId, out var target))
            {
                if (item.Kind == ImportKinds.Category)
                    categoryIds[source] = target;
                else if (item.Kind == OfficeKind)
                    officeIds[source] = target;
            }
    }

    private LedgerEntry? Made(string kind, string sourceId) => ledger.Made(kind, sourceId);

    private Task<LedgerEntry> RememberAsync(
        string kind, string sourceId, string? target, string? language, string? oldUrl, string? hash, CancellationToken ct) =>
        ledger.RememberAsync(kind, sourceId, target, language, oldUrl, hash, ct);

    private static Problem ProblemOf(Outcome outcome) => ArchivePublication.ProblemOf(outcome);

    /// <summary>A category's language: its own tag, else the script of its name.</summary>
    private string LanguageOf(K2Category category)
    {
        var language = K2Content.Language(category.Language, category.Name, languages, defaultLanguage);
        return languages.Contains(language) ? language : defaultLanguage;
    }

    private static string CategoryUrl(K2Category category) => $"index.php?option=com_k2&view=itemlist&task=category&id={category.Id}:{category.Alias}";

    /// <summary>
    /// The categories named by --offices-from-categories become offices: the code from the alias, the name in the
    /// category's language, the time zone and numbering of the default office. An office with that code is that office.
    /// </summary>
    public async Task OfficesAsync(CancellationToken ct)
    {
        var done = 0;
        foreach (var id in scan.OfficeCategories.Distinct())
        {
            progress.Report(("Offices", ++done, scan.OfficeCategories.Count));
            var category = scan.CategoriesById[id];
            if (officeIds.ContainsKey(id))
            {
                report.Of(OfficeKind).Unchanged++;
                continue;
            }
            var alias = Slug.From(category.Alias.Trim().Length > 0 ? category.Alias : category.Name).ToLowerInvariant();
            var code = Slug.IsWellFormed(alias) && alias.Length <= 64 && !SaveOffice.Reserved.Contains(alias) && !int.TryParse(alias, out _)
                ? alias
                : $"k2-{id}";
            var existing = await db.Offices.AsNoTracking().Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (options.DryRun)
            {
                if (existing is null)
                    report.Of(OfficeKind).Imported++;
                else
                    report.Of(OfficeKind).Unchanged++;
                continue;
            }
            if (existing is null)
            {
                var language = LanguageOf(category);
                var name = WordPressContent.PlainText(category.Name);
                var outcome = await saveOffice.RunAsync(Importer, new OfficeForm(null, code,
                    new Dictionary<string, string> { [language] = name.Length > 0 ? name : code }, language,
                    defaultOffice.TimeZone, defaultOffice.HijriAdjustment, defaultOffice.NumberingPattern), ct);
                if (outcome is not Outcome.Done created)
                {
                    report.Skip(OfficeKind, id.ToString(), ProblemOf(outcome));
                    continue;
                }
                existing = created.ReleaseId;
                report.Of(OfficeKind).Imported++;
            }
            else
            {
                report.Of(OfficeKind).Unchanged++;
            }
            officeIds[id] = existing.Value;
            await RememberAsync(OfficeKind, id.ToString(), existing.Value.ToString(), LanguageOf(category), CategoryUrl(category), null, ct);
        }
    }

    /// <summary>
    /// Every other category becomes a site category in its language, parents first (a parent made an office is no
    /// parent); a slug Bayan already has in that language is that category, not a second one.
    /// </summary>
    public async Task CategoriesAsync(CancellationToken ct)
    {
        var pending = scan.Categories.Where(c => !scan.IsOffice(c.Id)).ToList();
        var total = pending.Count;
        var done = 0;
        while (pending.Count > 0)
        {
            var ready = pending.Where(c => scan.ParentCategoryOf(c) is not { } parent || categoryIds.ContainsKey(parent)
                || pending.All(p => p.Id != parent) || options.DryRun).ToList();
            // A loop in the tree: the rest go in without their parent.
            if (ready.Count == 0)
                ready = pending;
            foreach (var category in ready)
            {
                await CategoryAsync(category, ct);
                progress.Report(("Categories", ++done, total));
            }
            pending = [.. pending.Except(ready)];
        }
    }

    private async Task CategoryAsync(K2Category category, CancellationToken ct)
    {
        var id = category.Id.ToString();
        if (Made(ImportKinds.Category, id) is { TargetId: not null })
        {
            report.Of(ImportKinds.Category).Unchanged++;
            return;
        }
        var language = LanguageOf(category);
        var name = WordPressContent.PlainText(category.Name);
        var alias = category.Alias.Trim().ToLowerInvariant();
        var slug = Slug.IsWellFormed(alias) ? alias : Slug.From(name.Length > 0 ? name : $"k2-{id}");
        int? parent = scan.ParentCategoryOf(category) is { } p && categoryIds.TryGetValue(p, out var parentId) ? parentId : null;
        if (await Archive.CategoryAsync(id, language, slug, name, parent, options.DryRun, ct) is not { } existing)
            return;
        categoryIds[category.Id] = existing;
        await RememberAsync(ImportKinds.Category, id, existing.ToString(), language, CategoryUrl(category), null, ct);
    }
}
