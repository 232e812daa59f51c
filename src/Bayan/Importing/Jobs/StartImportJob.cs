using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.Jobs;

/// <summary>What an administrator asks of an import from the back office: the uploaded file and the command line's options that make sense there.</summary>
public sealed record ImportJobForm(
    string FileName,
    string StoredFile,
    long Bytes,
    string OfficeCode,
    string? Language,
    string? UploadsDirectory,
    NumberChoice Numbers,
    bool DryRun,
    bool Users);

/// <summary>
/// Records an import to run in the background, audited; administrators only. One import runs at a time per
/// site: while another runs (on any node) the start is refused. A job whose node stopped beating is marked
/// interrupted first, so a crashed node never blocks the next import.
/// </summary>
public sealed class StartImportJob(BayanDb db, TimeProvider clock)
{
    /// <summary>The form field an "another import runs" refusal is told under.</summary>
    public const string RunningField = "Running";

    public async Task<Outcome> RunAsync(Actor actor, ImportJobForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var errors = new Dictionary<string, Problem>();
        if (string.IsNullOrWhiteSpace(form.OfficeCode) || !await db.Offices.AnyAsync(o => o.Code == form.OfficeCode, ct))
            errors[nameof(form.OfficeCode)] = new Problem("import_upload_choose_office");
        if (form.Language is { Length: > 0 } language && !await db.SiteLanguages.AnyAsync(l => l.Code == language, ct))
            errors[nameof(form.Language)] = new Problem("import_upload_choose_language");
        if (form.UploadsDirectory is { Length: > 0 } uploads && (!Path.IsPathFullyQualified(uploads) || !Directory.Exists(uploads)))
            errors[nameof(form.UploadsDirectory)] = new Problem("import_upload_no_folder", uploads);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - ImportJobQueries.StaleAfter;
        await db.ImportJobs.Where(j => j.RunningSlot != null && j.HeartbeatAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunningSlot, (int?)null).SetProperty(j => j.State, ImportJobState.Interrupted), ct);
        if (await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.RunningSlot != null, ct) is { } running)
            return Running(running);

        var job = new ImportJob
        {
            Source = Importing.WordPress.ImportWordPress.Source,
            FileName = Cut(form.FileName, Limits.Title),
            StoredFile = form.StoredFile,
            Bytes = form.Bytes,
            OfficeCode = form.OfficeCode,
            Language = string.IsNullOrWhiteSpace(form.Language) ? null : form.Language,
            UploadsDirectory = string.IsNullOrWhiteSpace(form.UploadsDirectory) ? null : form.UploadsDirectory,
            Numbers = form.Numbers,
            DryRun = form.DryRun,
            Users = form.Users,
            StartedBy = actor.Name,
            StartedAt = now,
            HeartbeatAt = now,
            State = ImportJobState.Running,
            Step = "",
            RunningSlot = 1,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ImportJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node started one a moment ago: the slot is taken.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.RunningSlot != null, ct) is { } other
                ? Running(other)
                : new Outcome.Invalid(new Dictionary<string, Problem> { [RunningField] = new Problem("import_upload_running", "", "") });
        }
        var options = $"{job.FileName} ({job.Bytes} bytes): office {job.OfficeCode}, language {job.Language ?? "-"}, numbers {job.Numbers}"
            + (job.DryRun ? ", dry run" : "") + (job.Users ? ", users" : "") + (job.UploadsDirectory is { } folder ? $", uploads {folder}" : "");
        AuditLog.Record(db, now, actor.Name, "import.started", $"import:{job.Id}", Cut(options, Limits.Text));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome.Done(job.Id, new Problem("import_upload_started"));
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    private static Outcome.Invalid Running(ImportJob running) =>
        new(new Dictionary<string, Problem> { [RunningField] = new Problem("import_upload_running", running.StartedBy, running.Id) });
}
