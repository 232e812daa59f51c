using System.Net;
using System.Text;

namespace Bayan.Revisions;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>One line of a difference; a removed line has only its old number, an added line only its new one.</summary>
public sealed record DiffLine(DiffKind Kind, string Text, int? OldNumber, int? NewNumber);

public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>
/// What changed between two revisions, by line and, inside a changed line, by word, and the
/// table the back office shows. Pure functions: the same texts always give the same answer.
/// </summary>
public static class TextDiff
{
    /// <summary>Equal once Windows line ends are read as Unix ones; any other difference counts.</summary>
    public static bool AreEqual(string a, string b) => Normalise(a) == Normalise(b);

    /// <summary>
    /// Lines of both texts, split on \n (\r\n read as \n). Joining the same and removed lines with
    /// \n gives back the old text, the same and added lines the new one; an empty text has no lines.
    /// </summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var old = SplitLines(before);
        var @new = SplitLines(after);
        var result = new List<DiffLine>(Math.Max(old.Length, @new.Length));
        foreach (var (kind, o, n) in Alignment.Align(old, @new))
        {
            result.Add(kind switch
            {
                DiffKind.Same => new DiffLine(kind, old[o], o + 1, n + 1),
                DiffKind.Removed => new DiffLine(kind, old[o], o + 1, null),
                _ => new DiffLine(kind, @new[n], null, n + 1),
            });
        }
        return result;
    }

    /// <summary>
    /// Word-level changes between two lines. Spaces stay in the spans, so the same and removed
    /// spans spell the old line exactly and the same and added spans the new one.
    /// </summary>
    public static IReadOnlyList<DiffSpan> Words(string before, string after)
    {
        var old = Tokens(before);
        var @new = Tokens(after);
        var steps = Alignment.Align(old, @new)
            .Select(s => (s.Kind, Text: s.Kind == DiffKind.Added ? @new[s.New] : old[s.Old]))
            .ToList();

        var spans = new List<DiffSpan>();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        for (var i = 0; i < steps.Count; i++)
        {
            var (kind, text) = steps[i];
            // A lone space kept between two changed words would cut "the minister" → "a spokesman"
            // into two small edits; reading it as part of the change shows one phrase replaced.
            var joinsChanges = kind == DiffKind.Same && string.IsNullOrWhiteSpace(text)
                && i > 0 && steps[i - 1].Kind != DiffKind.Same
                && i + 1 < steps.Count && steps[i + 1].Kind != DiffKind.Same;
            if (kind == DiffKind.Same && !joinsChanges)
            {
                Flush(spans, removed, added);
                if (spans.Count > 0 && spans[^1].Kind == DiffKind.Same)
                    spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
                else
                    spans.Add(new DiffSpan(DiffKind.Same, text));
                continue;
            }
            if (kind != DiffKind.Added)
                removed.Append(text);
            if (kind != DiffKind.Removed)
                added.Append(text);
        }
        Flush(spans, removed, added);
        return spans;
    }

    /// <summary>
    /// A table with one row per line: old number, new number, text. Every text is HTML-encoded.
    /// When a run of removed lines is followed by as many added lines, the lines are paired in
    /// order and only their changed words are marked; otherwise the whole line is.
    /// </summary>
    public static string ToHtml(IReadOnlyList<DiffLine> lines)
    {
        var html = new StringBuilder("<table class=\"diff\">");
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind == DiffKind.Same)
            {
                Row(html, "same", lines[i], Encode(lines[i].Text));
                i++;
                continue;
            }
            var removedEnd = i;
            while (removedEnd < lines.Count && lines[removedEnd].Kind == DiffKind.Removed)
                removedEnd++;
            var addedEnd = removedEnd;
            while (addedEnd < lines.Count && lines[addedEnd].Kind == DiffKind.Added)
                addedEnd++;
            ChangeRows(html, lines, i, removedEnd, addedEnd);
            i = addedEnd;
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>Rows for lines [start..removedEnd) removed and [removedEnd..addedEnd) added.</summary>
    private static void ChangeRows(StringBuilder html, IReadOnlyList<DiffLine> lines, int start, int removedEnd, int addedEnd)
    {
        var removedCount = removedEnd - start;
        var paired = removedCount == addedEnd - removedEnd;
        var words = paired
            ? Enumerable.Range(0, removedCount).Select(p => Words(lines[start + p].Text, lines[removedEnd + p].Text)).ToList()
            : null;
        for (var p = start; p < removedEnd; p++)
            Row(html, "removed", lines[p], words is null ? Marked(lines[p].Text, "del") : Marked(words[p - start], DiffKind.Removed, "del"));
        for (var p = removedEnd; p < addedEnd; p++)
            Row(html, "added", lines[p], words is null ? Marked(lines[p].Text, "ins") : Marked(words[p - removedEnd], DiffKind.Added, "ins"));
    }

    private static void Row(StringBuilder html, string kind, DiffLine line, string content) =>
        html.Append($"<tr class=\"{kind}\"><td class=\"n\">{line.OldNumber}</td><td class=\"n\">{line.NewNumber}</td><td dir=\"auto\">{content}</td></tr>");

    private static string Marked(string text, string tag) => text.Length == 0 ? "" : $"<{tag}>{Encode(text)}</{tag}>";

    private static string Marked(IReadOnlyList<DiffSpan> spans, DiffKind changed, string tag)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            if (span.Kind == DiffKind.Same)
                text.Append(Encode(span.Text));
            else if (span.Kind == changed)
                text.Append(Marked(span.Text, tag));
        }
        return text.ToString();
    }

    private static void Flush(List<DiffSpan> spans, StringBuilder removed, StringBuilder added)
    {
        if (removed.Length > 0)
            spans.Add(new DiffSpan(DiffKind.Removed, removed.ToString()));
        if (added.Length > 0)
            spans.Add(new DiffSpan(DiffKind.Added, added.ToString()));
        removed.Clear();
        added.Clear();
    }

    // WebUtility leaves Arabic, Cyrillic and most scripts as they are, so the page source stays
    // readable; only Latin-1 letters such as Turkish ç and emoji become numeric references.
    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Runs of white space and runs of anything else, alternating; together they spell the text.</summary>
    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]) != char.IsWhiteSpace(text[i - 1]))
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }
        return [.. tokens];
    }

    private static string[] SplitLines(string text) => text.Length == 0 ? [] : Normalise(text).Split('\n');

    private static string Normalise(string text) => text.Replace("\r\n", "\n");
}
