using Bayan.Categories;
using Bayan.Comments;
using Bayan.Data;
using Bayan.Editing;
using Bayan.Media;
using Bayan.Operations;
using Bayan.Pages;
using Bayan.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

/// <summary>
/// What `bayan import wordpress` is asked: the default office (and a map from categories or authors to
/// offices), the language when the file does not tell, where the uploads folder was copied, how to number,
/// whether to only read, and whether authors become (disabled) accounts.
/// </summary>
public sealed record WordPressImportOptions(
    string OfficeCode,
    OfficeMap? OfficeMap = null,
    string? Language = null,
    string? UploadsDirectory = null,
    NumberChoice Numbers = NumberChoice.Assign,
    bool DryRun = false,
    bool Users = false);

/// <summary>
/// Imports a WordPress export (WXR): the file is read once whole before anything is written, so a broken file
/// changes nothing; then categories, attachments, posts (originals first, then their translations) and pages are
/// written through the library's operations, each item remembered by its WordPress id so a second run updates
/// instead of duplicating, and published releases are published last, oldest first, at their original dates.
/// Until then they are drafts, so an interrupted run leaves nothing half-made on the site; run again, it completes.
/// Posts and publications are written many to a transaction (<see cref="ImportBatch"/>), each item with its
/// record in the ledger, so a run stopped anywhere leaves whole items or none.
/// </summary>
public sealed class ImportWordPress(BayanDb db, TimeProvider clock, ImportOperations operations, ImportBatch batch)
{
    public const string Source = "wordpress";

    /// <param name="open">Opens the file; it is read more than once, each time from its start.</param>
    public async Task<ImportReport> RunAsync(
        Func<Stream> open, WordPressImportOptions options, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var report = new ImportReport(options.DryRun);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(ct);
        if (site is null)
            return report.Fail(new Problem("import_site_not_set_up"));
        var languages = await db.SiteLanguages.Select(l => l.Code).ToListAsync(ct);
        if (options.Language is { } language && !languages.Contains(language))
            return report.Fail(new Problem("import_language_unknown", language));
        var codes = (options.OfficeMap?.Offices ?? []).Append(options.OfficeCode).Distinct().ToList();
        var offices = await db.Offices.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        if (codes.FirstOrDefault(c => !offices.ContainsKey(c)) is { } unknown)
            return report.Fail(new Problem("import_office_unknown", unknown));

        WxrScan scan;
        try
        {
            await using var stream = open();
            scan = WxrScan.Read(stream, options.Language, site.DefaultLanguage, n =>
            {
                if (n % 500 == 0)
                    progress.Report(("Reading", n, 0));
            }, ct);
        }
        catch (WxrFormatException e)
        {
            return report.Fail(e.Problem);
        }
        progress.Report(("Reading", scan.Items.Count + scan.Attachments.Count, scan.Items.Count + scan.Attachments.Count));

        var run = new WordPressRun(db, clock, operations, batch, scan, options, report, progress, [.. languages], offices,
            options.Language ?? site.DefaultLanguage);
        try
        {
            await run.LoadAsync(ct);
            if (options.Users)
                await run.UsersAsync(ct);
            await run.CategoriesAsync(ct);
            await run.AttachmentsAsync(ct);
            await run.ItemsAsync(open, originals: true, ct);
            await run.ItemsAsync(open, originals: false, ct);
            await run.PublishAsync(ct);
            await run.TagsAsync(ct);
        }
        finally
        {
            // Stopped (Ctrl-C, an error): the batch not committed is rolled back whole, items and their records alike.
            await batch.DisposeAsync();
        }
        return report;
    }
}
