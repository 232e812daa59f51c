using Bayan.Data;
using Bayan.Importing;
using Bayan.Importing.Jobs;
using Bayan.Importing.WordPress;
using Bayan.Operations;

namespace Bayan.Web.Importing;

/// <summary>
/// Runs the imports administrators upload, one after the other, in the background of the node that received
/// the file: the library's WordPress import, its progress written about once a second (with the heartbeat that
/// tells other nodes it still runs), its report at the end. The uploaded file is removed when the import ends,
/// however it ends. A node that stops midway leaves a job other nodes see as interrupted; run again, the
/// importer completes it.
/// </summary>
public sealed class ImportJobWorker(
    ImportJobQueue queue, IServiceScopeFactory scopes, TimeProvider clock, BayanOptions options, ILogger<ImportJobWorker> log) : BackgroundService
{
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(1);

    /// <summary>Where uploads wait for their import: in the data folder, on this node.</summary>
    public static string Folder(BayanOptions options) => Path.Combine(options.DataFolder, "imports");

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await RemoveLeftoversAsync(stop);
        await foreach (var import in queue.Reader.ReadAllAsync(stop))
            await RunAsync(import, stop);
    }

    private async Task RunAsync(QueuedImport import, CancellationToken stop)
    {
        var sink = new ImportProgressSink(clock);
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var heartbeat = BeatAsync(import.JobId, sink, beating.Token);
        var (state, report) = await ImportAsync(import, sink, stop);
        await beating.CancelAsync();
        await heartbeat;
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FinishImportJob>().RunAsync(import.JobId, state, report, sink.Latest, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not written, the job's heartbeat stops: other nodes soon see it as interrupted.
            log.LogError(e, "The end of import {Job} could not be written.", import.JobId);
        }
        finally
        {
            Remove(import.FilePath);
            queue.Ended(import.JobId);
        }
    }

    private async Task<(ImportJobState State, ImportReport? Report)> ImportAsync(QueuedImport import, ImportProgressSink sink, CancellationToken stop)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<ImportWordPress>().RunAsync(
                () => new FileStream(import.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
                import.Options, sink, stop);
            return (report.Error is null ? ImportJobState.Finished : ImportJobState.Failed, report);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return (ImportJobState.Interrupted, null);
        }
        catch (Exception e)
        {
            // A bug, not a broken file (the importer reports those): logged whole, the page says it in the reader's words.
            log.LogError(e, "Import {Job} failed.", import.JobId);
            return (ImportJobState.Failed, new ImportReport(import.Options.DryRun).Fail(new Problem("import_upload_crashed")));
        }
    }

    private async Task BeatAsync(int jobId, ImportProgressSink sink, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Beat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<RecordImportProgress>().RunAsync(jobId, sink.Latest, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The progress of import {Job} could not be written; trying again.", jobId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The import ended.
        }
    }

    /// <summary>Uploads a stopped process left behind: no job that may still run needs them.</summary>
    private async Task RemoveLeftoversAsync(CancellationToken ct)
    {
        var folder = Folder(options);
        if (!Directory.Exists(folder))
            return;
        try
        {
            using var scope = scopes.CreateScope();
            var live = (await scope.ServiceProvider.GetRequiredService<ImportJobQueries>().LiveFilesAsync(ct)).ToHashSet();
            // An upload still arriving has no job yet: only files untouched for an hour are left over.
            var old = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1);
            foreach (var file in Directory.EnumerateFiles(folder))
                if (!live.Contains(Path.GetFileName(file)) && File.GetLastWriteTimeUtc(file) < old)
                    Remove(file);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Uploads left by stopped imports could not be removed from {Folder}.", folder);
        }
    }

    private void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            log.LogWarning(e, "The uploaded file {File} could not be removed.", path);
        }
        catch (UnauthorizedAccessException e)
        {
            log.LogWarning(e, "The uploaded file {File} could not be removed.", path);
        }
    }
}
