using System.Globalization;
using System.Text.Json;
using Bayan.Operations;

namespace Bayan.Importing.Jobs;

/// <summary>
/// An <see cref="ImportReport"/> as a job keeps it: its problems as message keys and arguments, so whoever
/// reads it later gets it in their own language, from whichever node answers.
/// </summary>
internal sealed record StoredReport(
    bool DryRun,
    StoredProblem? Error,
    Dictionary<string, ImportCounts> Counts,
    List<StoredNote> Skipped,
    List<StoredNote> NotPublic,
    List<StoredFile> MissingFiles,
    Dictionary<string, List<string>> Shortcodes)
{
    public static string Write(ImportReport report) => JsonSerializer.Serialize(new StoredReport(
        report.DryRun,
        report.Error is { } error ? StoredProblem.Of(error) : null,
        report.Counts.ToDictionary(c => c.Key, c => c.Value),
        [.. report.Skipped.Select(StoredNote.Of)],
        [.. report.NotPublic.Select(StoredNote.Of)],
        [.. report.MissingFiles.Select(f => new StoredFile(f.SourceId, f.Path))],
        report.Shortcodes.ToDictionary(s => s.Key, s => s.Value.ToList())));

    public static ImportReport Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredReport>(json) ?? throw new JsonException("An import job's report is empty.");
        var report = new ImportReport(stored.DryRun);
        if (stored.Error is { } error)
            report.Fail(error.ToProblem());
        foreach (var (kind, counts) in stored.Counts)
        {
            var into = report.Of(kind);
            (into.Imported, into.Updated, into.Unchanged, into.Skipped) = (counts.Imported, counts.Updated, counts.Unchanged, counts.Skipped);
        }
        report.Skipped.AddRange(stored.Skipped.Select(n => n.ToNote()));
        report.NotPublic.AddRange(stored.NotPublic.Select(n => n.ToNote()));
        report.MissingFiles.AddRange(stored.MissingFiles.Select(f => (f.SourceId, f.Path)));
        foreach (var (name, ids) in stored.Shortcodes)
            foreach (var id in ids)
                report.Shortcode(name, id);
        return report;
    }
}

/// <summary>A problem's arguments are kept as text: the catalogues only ever put them into sentences as they are.</summary>
internal sealed record StoredProblem(string Key, string[] Args)
{
    public static StoredProblem Of(Problem problem) =>
        new(problem.Key, [.. problem.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]);

    public Problem ToProblem() => new(Key, [.. Args]);
}

internal sealed record StoredNote(string Kind, string SourceId, StoredProblem Reason)
{
    public static StoredNote Of(ImportNote note) => new(note.Kind, note.SourceId, StoredProblem.Of(note.Reason));

    public ImportNote ToNote() => new(Kind, SourceId, Reason.ToProblem());
}

internal sealed record StoredFile(string SourceId, string Path);
