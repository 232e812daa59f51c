using System.Collections.Concurrent;
using System.Threading.Channels;
using Bayan.Importing.WordPress;

namespace Bayan.Web.Importing;

/// <summary>An import this node was asked to run: its job, where the upload waits, and what the administrator chose.</summary>
public sealed record QueuedImport(int JobId, string FilePath, WordPressImportOptions Options);

/// <summary>
/// The imports waiting for this node's <see cref="ImportJobWorker"/>, and a task per job that ends with it, for
/// whoever must wait for an import to end (the tests) without watching a clock.
/// </summary>
public sealed class ImportJobQueue
{
    private readonly Channel<QueuedImport> waiting = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, TaskCompletionSource> ends = new();

    public void Enqueue(QueuedImport import)
    {
        End(import.JobId);
        if (!waiting.Writer.TryWrite(import))
            throw new InvalidOperationException("The import queue is closed.");
    }

    /// <summary>Ends when the job has ended on this node (finished, failed or stopped) and its state is written.</summary>
    public Task WhenEndedAsync(int jobId) => End(jobId).Task;

    internal ChannelReader<QueuedImport> Reader => waiting.Reader;

    internal void Ended(int jobId) => End(jobId).TrySetResult();

    private TaskCompletionSource End(int jobId) => ends.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
