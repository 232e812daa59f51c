using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.Jobs;

/// <summary>Where a running import stands: its step, how many of how many, items per second.</summary>
public sealed record ImportProgress(string Step, int Done, int Total, double Rate)
{
    public static readonly ImportProgress None = new("", 0, 0, 0);
}

/// <summary>
/// Writes how far a running import got, and that its node is still alive (the heartbeat), so the progress page
/// shows it from whichever node answers. A job that has ended is left as it ended.
/// </summary>
public sealed class RecordImportProgress(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int jobId, ImportProgress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var step = progress.Step.Length > 64 ? progress.Step[..64] : progress.Step;
        var written = await db.ImportJobs.Where(j => j.Id == jobId && j.RunningSlot != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Step, step)
                .SetProperty(j => j.Done, progress.Done)
                .SetProperty(j => j.Total, progress.Total)
                .SetProperty(j => j.Rate, progress.Rate)
                .SetProperty(j => j.HeartbeatAt, now), ct);
        return written == 1 ? new Outcome.Done(jobId, new Problem("import_upload_progress")) : new Outcome.NotFound();
    }
}
