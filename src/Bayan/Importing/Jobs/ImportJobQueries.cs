using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.Jobs;

/// <summary>An import job as the back office shows it; <see cref="State"/> says Interrupted for a job whose node stopped beating.</summary>
public sealed record ImportJobStatus(
    int Id,
    string FileName,
    long Bytes,
    string OfficeCode,
    string? Language,
    NumberChoice Numbers,
    bool DryRun,
    bool Users,
    string? UploadsDirectory,
    string StartedBy,
    DateTime StartedAt,
    DateTime? FinishedAt,
    ImportJobState State,
    ImportProgress Progress,
    ImportReport? Report)
{
    public bool Ended => State != ImportJobState.Running;
}

/// <summary>The import jobs of the site, as every node sees them.</summary>
public sealed class ImportJobQueries(BayanDb db, TimeProvider clock)
{
    /// <summary>
    /// A running job's node writes every second; one silent this long has stopped (killed, crashed, restarted).
    /// Generous, since a node under load may wait on the database for a while between two writes.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public async Task<ImportJobStatus?> FindAsync(int id, CancellationToken ct) =>
        await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job ? StatusOf(job) : null;

    /// <summary>The import that runs now, on any node, if one does.</summary>
    public async Task<ImportJobStatus?> RunningAsync(CancellationToken ct)
    {
        var live = clock.GetUtcNow().UtcDateTime - StaleAfter;
        return await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.RunningSlot != null && j.HeartbeatAt >= live, ct) is { } job
            ? StatusOf(job)
            : null;
    }

    /// <summary>The latest jobs, newest first, without their reports.</summary>
    public async Task<List<ImportJobStatus>> RecentAsync(int count, CancellationToken ct)
    {
        var jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(count)
            .Select(j => new ImportJob
            {
                Id = j.Id, Source = j.Source, FileName = j.FileName, StoredFile = j.StoredFile, Bytes = j.Bytes, OfficeCode = j.OfficeCode,
                Language = j.Language, Numbers = j.Numbers, DryRun = j.DryRun, Users = j.Users, UploadsDirectory = j.UploadsDirectory,
                StartedBy = j.StartedBy, StartedAt = j.StartedAt, HeartbeatAt = j.HeartbeatAt, FinishedAt = j.FinishedAt, State = j.State,
                Step = j.Step, Done = j.Done, Total = j.Total, Rate = j.Rate, RunningSlot = j.RunningSlot,
            })
            .ToListAsync(ct);
        return [.. jobs.Select(StatusOf)];
    }

    /// <summary>The stored files of jobs that may still be running: every other file in the imports folder is a leftover.</summary>
    public Task<List<string>> LiveFilesAsync(CancellationToken ct)
    {
        var live = clock.GetUtcNow().UtcDateTime - StaleAfter;
        return db.ImportJobs.AsNoTracking().Where(j => j.RunningSlot != null && j.HeartbeatAt >= live).Select(j => j.StoredFile).ToListAsync(ct);
    }

    private ImportJobStatus StatusOf(ImportJob job)
    {
        var state = job.State == ImportJobState.Running && job.HeartbeatAt < clock.GetUtcNow().UtcDateTime - StaleAfter
            ? ImportJobState.Interrupted
            : job.State;
        return new ImportJobStatus(job.Id, job.FileName, job.Bytes, job.OfficeCode, job.Language, job.Numbers, job.DryRun, job.Users,
            job.UploadsDirectory, job.StartedBy, job.StartedAt, job.FinishedAt, state, new ImportProgress(job.Step, job.Done, job.Total, job.Rate),
            job.Report is { } report ? StoredReport.Read(report) : null);
    }
}
