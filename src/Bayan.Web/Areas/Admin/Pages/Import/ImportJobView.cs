using System.Globalization;
using Bayan.Importing.Jobs;
using Bayan.Localization;
using Bayan.Sites;
using Bayan.Web.Admin;

namespace Bayan.Web.Areas.Admin.Pages.Import;

/// <summary>
/// An import job in the reader's words, as the progress page shows it and its status address sends it to the
/// page's script: the same text both ways, so the page reads the same with or without script.
/// </summary>
public sealed record ImportJobView(
    int Id,
    string FileName,
    string StartedBy,
    string OfficeCode,
    bool DryRun,
    string State,
    bool Ended,
    string StateText,
    string Step,
    string StepText,
    int Done,
    int Total,
    string Counts,
    double Rate,
    string RateText,
    string StartedAt,
    string? FinishedAt,
    string? Error,
    IReadOnlyList<string> Report)
{
    /// <summary>Enough to read on a page; a report of a huge archive with thousands of skipped comments says how many more there were.</summary>
    private const int ShownLines = 1_000;

    public static ImportJobView From(ImportJobStatus job, AdminText text, SiteClock clock)
    {
        var language = text.Language;
        var progress = job.Progress;
        var lines = job.Report is { Error: null } report ? report.Describe(language).ToList() : [];
        if (lines.Count > ShownLines)
            lines = [.. lines.Take(ShownLines), text.Format("import_report_and_more", lines.Count - ShownLines)];
        var state = job.State.ToString().ToLowerInvariant();
        return new ImportJobView(
            job.Id,
            job.FileName,
            job.StartedBy,
            job.OfficeCode,
            job.DryRun,
            state,
            job.Ended,
            text["import_upload_state_" + state + (job.DryRun && job.State == ImportJobState.Finished ? "_dry_run" : "")],
            progress.Step,
            NameOf(progress.Step, text),
            progress.Done,
            progress.Total,
            progress.Total > 0 ? $"{Number(progress.Done)} / {Number(progress.Total)}" : Number(progress.Done),
            progress.Rate,
            progress.Rate > 0 ? text.Format("import_upload_rate", Number((int)Math.Round(progress.Rate))) : "",
            clock.Format(job.StartedAt),
            job.FinishedAt is { } finished ? clock.Format(finished) : null,
            job.Report?.Error is { } error ? text.Of(error) : null,
            lines);
    }

    /// <summary>The report's lines as the page sets them out: a line, and the indented lines under it as its list.</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<string> Items)> Sections()
    {
        var sections = new List<(string Text, List<string> Items)>();
        foreach (var line in Report)
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && sections.Count > 0)
                sections[^1].Items.Add(line.Trim());
            else
                sections.Add((line, []));
        }
        return [.. sections.Select(s => (s.Text, (IReadOnlyList<string>)s.Items))];
    }

    /// <summary>The importer names its steps in English ("Posts"); a step the catalogue does not know is shown as named.</summary>
    private static string NameOf(string step, AdminText text)
    {
        if (step.Length == 0)
            return text["import_upload_step_waiting"];
        var key = "import_upload_step_" + step.ToLowerInvariant();
        return Messages.For(text.Language).TryGetValue(key, out var name) ? name : step;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
