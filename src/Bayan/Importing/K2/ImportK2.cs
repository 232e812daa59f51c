using Bayan.Data;
using Bayan.Importing.WordPress;
using Bayan.Offices;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.K2;

/// <summary>
/// What `bayan import k2` is asked: the Joomla database (a MySqlConnector connection string) and its table prefix,
/// the office of items in no category made an office, the K2 categories that become offices (with the categories
/// under them), a copy of the site's media/k2 folder, how to number, and whether to only read.
/// </summary>
public sealed record K2ImportOptions(
    string ConnectionString,
    string Prefix,
    string OfficeCode,
    IReadOnlyList<int>? OfficesFromCategories = null,
    string? ImagesDirectory = null,
    NumberChoice Numbers = NumberChoice.Assign,
    bool DryRun = false);

/// <summary>
/// Imports a Joomla 3 site's K2 content from its live database: every setting is checked and the database reached
/// before anything is written, so a wrong server, password or prefix changes nothing. Then offices, categories and
/// items (each with its image, attachments, tags and comments) are written through the library's operations, each
/// remembered by its K2 id so a second run updates instead of duplicating. Items are written many to a transaction
/// (<see cref="ImportBatch"/>) with their records, so a run stopped anywhere leaves whole items or none. They stay
/// drafts until all are written; those public on the K2 site are then published oldest first at their original dates.
/// </summary>
public sealed class ImportK2(BayanDb db, TimeProvider clock, ImportOperations operations, SaveOffice saveOffice, ImportBatch writes)
{
    public const string Source = "k2";

    public async Task<ImportReport> RunAsync(K2ImportOptions options, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var report = new ImportReport(options.DryRun);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(ct);
        if (site is null)
            return report.Fail(new Problem("import_site_not_set_up"));
        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == options.OfficeCode, ct);
        if (office is null)
            return report.Fail(new Problem("import_office_unknown", options.OfficeCode));
        if (options.ImagesDirectory is { } images && !Directory.Exists(images))
            return report.Fail(new Problem("import_file_missing", images));
        var languages = (await db.SiteLanguages.Select(l => l.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var (source, problem) = await K2Source.OpenAsync(options.ConnectionString, options.Prefix, ct);
        if (source is null)
            return report.Fail(problem!);
        await using (source)
        {
            progress.Report(("Reading", 0, 0));
            var categories = await source.CategoriesAsync(ct);
            if ((options.OfficesFromCategories ?? []).FirstOrDefault(id => categories.All(c => c.Id != id)) is var unknown and > 0)
                return report.Fail(new Problem("import_k2_category_unknown", unknown));
            var scan = new K2Scan(categories, await source.UserNamesAsync(ct), await source.ExtraFieldNamesAsync(ct),
                options.OfficesFromCategories ?? [], await source.ItemCountAsync(ct));
            var run = new K2Run(db, clock, operations, saveOffice, writes, source.Site, scan, options, report, progress, languages,
                site.DefaultLanguage, office);
            try
            {
                await run.LoadAsync(ct);
                await run.OfficesAsync(ct);
                await run.CategoriesAsync(ct);
                await foreach (var batch in source.ItemsAsync(500, ct))
                    await run.ItemsAsync(batch, ct);
                await run.ItemsDoneAsync(ct);
                await run.PublishAsync(ct);
            }
            finally
            {
                // Stopped (Ctrl-C, an error): what the open batch wrote is rolled back whole, items and their records alike.
                await writes.DisposeAsync();
            }
        }
        return report;
    }
}
