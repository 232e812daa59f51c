using Bayan.Operations;

namespace Bayan.Importing;

/// <summary>What became of one kind of item (posts, pages, comments, ...).</summary>
public sealed class ImportCounts
{
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
}

/// <summary>An item not imported (or not made public), with the reason and its id where it came from.</summary>
public sealed record ImportNote(string Kind, string SourceId, Problem Reason);

/// <summary>
/// The outcome of an import: counts per kind, what was skipped and why, files that were missing and shortcodes
/// left as text. <see cref="Error"/> is a problem that stopped it before anything was written (a broken file,
/// an unknown office).
/// </summary>
public sealed class ImportReport(bool dryRun)
{
    private const int ListedIds = 20;

    /// <summary>Ids in their order as numbers (2 before 10), other ids after them as text.</summary>
    private static readonly Comparer<string> ById = Comparer<string>.Create((a, b) =>
        long.TryParse(a, out var x) && long.TryParse(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b));

    public bool DryRun { get; } = dryRun;
    public Problem? Error { get; private set; }
    public SortedDictionary<string, ImportCounts> Counts { get; } = new(StringComparer.Ordinal);
    public List<ImportNote> Skipped { get; } = [];

    /// <summary>Imported, but kept from readers: private and password-protected posts.</summary>
    public List<ImportNote> NotPublic { get; } = [];

    /// <summary>Attachment id where it came from, and the file looked for.</summary>
    public List<(string SourceId, string Path)> MissingFiles { get; } = [];

    /// <summary>Shortcode name, and the ids of the posts that hold it.</summary>
    public SortedDictionary<string, SortedSet<string>> Shortcodes { get; } = new(StringComparer.Ordinal);

    public ImportReport Fail(Problem problem)
    {
        Error = problem;
        return this;
    }

    public ImportCounts Of(string kind)
    {
        if (!Counts.TryGetValue(kind, out var counts))
            Counts[kind] = counts = new ImportCounts();
        return counts;
    }

    public void Skip(string kind, string sourceId, Problem reason)
    {
        Of(kind).Skipped++;
        Skipped.Add(new ImportNote(kind, sourceId, reason));
    }

    public void Shortcode(string name, string sourceId)
    {
        if (!Shortcodes.TryGetValue(name, out var ids))
            Shortcodes[name] = ids = new SortedSet<string>(ById);
        ids.Add(sourceId);
    }

    /// <summary>The report as lines of text in a language: counts first, then each list.</summary>
    public IEnumerable<string> Describe(string language)
    {
        string T(string key, params object[] args) => new Problem(key, args).In(language);
        if (Error is not null)
        {
            yield return Error.In(language);
            yield break;
        }
        yield return T(DryRun ? "import_report_dry_run" : "import_report_done");
        foreach (var (kind, c) in Counts)
            yield return T("import_report_counts", T("import_kind_" + kind), c.Imported, c.Updated, c.Unchanged, c.Skipped);
        if (Skipped.Count > 0)
        {
            yield return T("import_report_skipped");
            foreach (var note in Skipped)
                yield return $"  {T("import_kind_" + note.Kind)} {note.SourceId}: {note.Reason.In(language)}";
        }
        if (NotPublic.Count > 0)
        {
            yield return T("import_report_not_public");
            foreach (var note in NotPublic)
                yield return $"  {T("import_kind_" + note.Kind)} {note.SourceId}: {note.Reason.In(language)}";
        }
        if (MissingFiles.Count > 0)
        {
            yield return T("import_report_missing_files");
            foreach (var (id, path) in MissingFiles)
                yield return $"  {T("import_kind_attachment")} {id}: {path}";
        }
        if (Shortcodes.Count > 0)
        {
            yield return T("import_report_shortcodes");
            foreach (var (name, ids) in Shortcodes)
            {
                // A shortcode a theme put in every post would name them all: the first few say enough.
                var more = ids.Count > ListedIds ? " " + T("import_report_and_more", ids.Count - ListedIds) : "";
                yield return $"  [{name}]: {string.Join(", ", ids.Take(ListedIds))}{more}";
            }
        }
    }
}
