using Bayan.Accounts;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Publishing;

namespace Bayan.Importing;

/// <summary>A release an import publishes at the end, at its original time and with the number it brings (--numbers keep).</summary>
public readonly record struct ToPublish(int ReleaseId, DateTime At, string? Number);

/// <summary>How every importer publishes what was public on the old site: the same steps for WordPress and K2.</summary>
internal static class ArchivePublication
{
    /// <summary>The site asks for review before publishing: an import is the review, so it submits and publishes.</summary>
    public static bool NeedsReview(Outcome outcome) =>
        outcome is Outcome.Invalid invalid && invalid.Errors.Values.Any(p => p.Key == "publish_needs_review");

    /// <summary>
    /// Publishes oldest first, so that numbers given in the office's pattern follow the original dates; each release
    /// appears whole, with its translations, media and comments. Many to a transaction: a batch appears at once,
    /// indexed for search, and the caches hear of it once.
    /// </summary>
    public static async Task PublishAllAsync(
        BayanDb db, ImportOperations operations, ImportBatch batch, Actor importer, IReadOnlyCollection<ToPublish> releases,
        NumberChoice numbers, ImportReport report, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var done = 0;
        await batch.BeginAsync(ct);
        foreach (var (releaseId, at, number) in releases.OrderBy(p => p.At).ThenBy(p => p.ReleaseId))
        {
            ct.ThrowIfCancellationRequested();
            progress.Report(("Publishing", ++done, releases.Count));
            var original = new OriginalPublication(at, numbers == NumberChoice.Assign, number is { Length: > 0 } ? number : null);
            var outcome = await operations.Publish.RunAsync(importer, releaseId, ct, original: original);
            if (NeedsReview(outcome))
            {
                await operations.Workflow.SubmitForReviewAsync(importer, releaseId, ct);
                outcome = await operations.Publish.RunAsync(importer, releaseId, ct, original: original);
            }
            if (outcome is not Outcome.Done)
                report.Skipped.Add(new ImportNote(ImportKinds.Post, $"release {releaseId}", ProblemOf(outcome)));
            db.ChangeTracker.Clear();
            await batch.ItemDoneAsync(ct);
        }
        await batch.CommitAsync(ct);
    }

    /// <summary>Why an operation refused an item, for the report.</summary>
    public static Problem ProblemOf(Outcome outcome) => outcome is Outcome.Invalid invalid
        ? invalid.Errors.Values.First()
        : new Problem("import_refused", outcome.GetType().Name);
}
