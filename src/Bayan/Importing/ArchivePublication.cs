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
    /// appears whole, with its translations, media and comments. A batch at a time (<see cref="PublishReleases"/>), each
    /// batch in a transaction: it appears at once, indexed for search, and the caches hear of it once.
    /// </summary>
    public static async Task PublishAllAsync(
        BayanDb db, ImportOperations operations, ImportBatch batch, Actor importer, IReadOnlyCollection<ToPublish> releases,
        NumberChoice numbers, ImportReport report, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var done = 0;
        await batch.BeginAsync(ct);
        foreach (var chunk in releases.OrderBy(p => p.At).ThenBy(p => p.ReleaseId).Chunk(batch.Size))
        {
            ct.ThrowIfCancellationRequested();
            var items = chunk.Select(p => new ReleaseToPublish(p.ReleaseId,
                new OriginalPublication(p.At, numbers == NumberChoice.Assign, p.Number is { Length: > 0 } ? p.Number : null))).ToList();
            var outcomes = (await operations.Publish.RunAsync(importer, items, ct)).ToArray();
            var review = Enumerable.Range(0, items.Count).Where(i => NeedsReview(outcomes[i])).ToList();
            if (review.Count > 0)
            {
                db.ChangeTracker.Clear();
                foreach (var i in review)
                    await operations.Workflow.SubmitForReviewAsync(importer, items[i].ReleaseId, ct);
                db.ChangeTracker.Clear();
                var again = await operations.Publish.RunAsync(importer, [.. review.Select(i => items[i])], ct);
                for (var k = 0; k < review.Count; k++)
                    outcomes[review[k]] = again[k];
            }
            for (var i = 0; i < items.Count; i++)
                if (outcomes[i] is not Outcome.Done)
                    report.Skipped.Add(new ImportNote(ImportKinds.Post, $"release {items[i].ReleaseId}", ProblemOf(outcomes[i])));
            db.ChangeTracker.Clear();
            progress.Report(("Publishing", done += chunk.Length, releases.Count));
            await batch.NextAsync(ct);
        }
        await batch.CommitAsync(ct);
    }

    /// <summary>Why an operation refused an item, for the report.</summary>
    public static Problem ProblemOf(Outcome outcome) => outcome is Outcome.Invalid invalid
        ? invalid.Errors.Values.First()
        : new Problem("import_refused", outcome.GetType().Name);
}
