using Bayan.Importing.Jobs;

namespace Bayan.Web.Importing;

/// <summary>
/// Catches the importer's progress as it comes (many times a second, on the import's own thread) and keeps only
/// the latest, with the step's rate as the command line's bar counts it: items of the step per second since it began.
/// </summary>
internal sealed class ImportProgressSink(TimeProvider clock) : IProgress<(string Step, int Done, int Total)>
{
    private readonly Lock gate = new();
    private string step = "";
    private int done;
    private int total;
    private DateTimeOffset stepStarted = clock.GetUtcNow();

    public void Report((string Step, int Done, int Total) value)
    {
        lock (gate)
        {
            if (value.Step != step)
                (step, stepStarted) = (value.Step, clock.GetUtcNow());
            (done, total) = (value.Done, value.Total);
        }
    }

    public ImportProgress Latest
    {
        get
        {
            lock (gate)
            {
                var seconds = (clock.GetUtcNow() - stepStarted).TotalSeconds;
                return new ImportProgress(step, done, total, seconds > 0.05 ? Math.Round(done / seconds, 1) : 0);
            }
        }
    }
}
