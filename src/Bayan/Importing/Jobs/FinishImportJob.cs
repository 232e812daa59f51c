using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.Jobs;

/// <summary>
/// Ends a job: its last progress, its report (with the error that stopped it, if one did), how it ended, and
/// the slot it held, so the next import may start.
/// </summary>
public sealed class FinishImportJob(BayanDb db, TimeProvider clock)
{
    /// <param name="report">Null when the import was stopped before it could report (the node shut down).</param>
    public async Task<Outcome> RunAsync(int jobId, ImportJobState state, ImportReport? report, ImportProgress last, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = report is null ? null : StoredReport.Write(report);
        var step = last.Step.Length > 64 ? last.Step[..64] : last.Step;
        var written = await db.ImportJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, state)
                .SetProperty(j => j.Report, json)
                .SetProperty(j => j.Step, step)
                .SetProperty(j => j.Done, last.Done)
                .SetProperty(j => j.Total, last.Total)
                .SetProperty(j => j.Rate, last.Rate)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.RunningSlot, (int?)null), ct);
        return written == 1 ? new Outcome.Done(jobId, new Problem("import_upload_finished")) : new Outcome.NotFound();
    }
}
