using System.Net;
using System.Text;

namespace Bayan.Revisions;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text, int? OldNumber, int? NewNumber);

public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>
/// What changed between two texts, by line and, inside a changed line, by word. Common lines at
/// both ends are set aside first, so the usual edit of a long release compares only a few lines.
/// </summary>
public static class TextDiff
{
    /// <summary>Beyond this many lines in the changed middle, unmatched lines are shown as removed and added, not aligned.</summary>
    private const int MaxAlignedCells = 4_000_000;

    public static bool AreEqual(string a, string b) => Normalise(a) == Normalise(b);

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var old = Normalise(before).Split('\n');
        var @new = Normalise(after).Split('\n');
        var result = new List<DiffLine>();
        foreach (var (kind, oldIndex, newIndex) in Align(old, @new))
        {
            result.Add(kind switch
            {
                DiffKind.Same => new DiffLine(kind, old[oldIndex], oldIndex + 1, newIndex + 1),
                DiffKind.Removed => new DiffLine(kind, old[oldIndex], oldIndex + 1, null),
                _ => new DiffLine(kind, @new[newIndex], null, newIndex + 1),
            });
        }
        return result;
    }

    /// <summary>Word-level changes; the spaces stay in the spans, so Same+Removed spell the old line exactly and Same+Added the new one.</summary>
    public static IReadOnlyList<DiffSpan> Words(string before, string after)
    {
        var old = Tokens(before);
        var @new = Tokens(after);
        var spans = new List<DiffSpan>();
        foreach (var (kind, oldIndex, newIndex) in Align(old, @new))
        {
            var text = kind == DiffKind.Added ? @new[newIndex] : old[oldIndex];
            if (spans.Count > 0 && spans[^1].Kind == kind)
                spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
            else
                spans.Add(new DiffSpan(kind, text));
        }
        return spans;
    }

    /// <summary>A table of the lines; changed words inside del and ins; every text HTML-encoded.</summary>
    public static string ToHtml(IReadOnlyList<DiffLine> lines)
    {
        var html = new StringBuilder("<table class=\"diff\">");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Kind == DiffKind.Removed && i + 1 < lines.Count && lines[i + 1].Kind == DiffKind.Added)
            {
                var spans = Words(line.Text, lines[i + 1].Text);
                Row(html, "removed", line.OldNumber, null, Marked(spans, DiffKind.Removed, "del"));
                Row(html, "added", null, lines[i + 1].NewNumber, Marked(spans, DiffKind.Added, "ins"));
                i++;
                continue;
            }
            var text = WebUtility.HtmlEncode(line.Text);
            switch (line.Kind)
            {
                case DiffKind.Removed: Row(html, "removed", line.OldNumber, null, $"<del>{text}</del>"); break;
                case DiffKind.Added: Row(html, "added", null, line.NewNumber, $"<ins>{text}</ins>"); break;
                default: Row(html, "same", line.OldNumber, line.NewNumber, text); break;
            }
        }
        return html.Append("</table>").ToString();
    }

    private static void Row(StringBuilder html, string kind, int? oldNumber, int? newNumber, string content) =>
        html.Append($"<tr class=\"{kind}\"><td class=\"n\">{oldNumber}</td><td class=\"n\">{newNumber}</td><td dir=\"auto\">{content}</td></tr>");

    private static string Marked(IReadOnlyList<DiffSpan> spans, DiffKind changed, string tag)
    {
        var text = new StringBuilder();
        foreach (var span in spans.Where(s => s.Kind == DiffKind.Same || s.Kind == changed))
        {
            var encoded = WebUtility.HtmlEncode(span.Text);
            text.Append(span.Kind == DiffKind.Same ? encoded : $"<{tag}>{encoded}</{tag}>");
        }
        return text.ToString();
    }

    /// <summary>Longest common subsequence over the middle that differs; equal ends are matched directly.</summary>
    private static IEnumerable<(DiffKind Kind, int Old, int New)> Align(string[] old, string[] @new)
    {
        var start = 0;
        while (start < old.Length && start < @new.Length && old[start] == @new[start])
            start++;
        var oldEnd = old.Length;
        var newEnd = @new.Length;
        while (oldEnd > start && newEnd > start && old[oldEnd - 1] == @new[newEnd - 1])
        {
            oldEnd--;
            newEnd--;
        }
        for (var i = 0; i < start; i++)
            yield return (DiffKind.Same, i, i);

        var rows = oldEnd - start;
        var columns = newEnd - start;
        if ((long)rows * columns > MaxAlignedCells)
        {
            for (var i = start; i < oldEnd; i++)
                yield return (DiffKind.Removed, i, -1);
            for (var j = start; j < newEnd; j++)
                yield return (DiffKind.Added, -1, j);
        }
        else
        {
            // lengths[i, j]: the longest common subsequence of old[start+i..] and new[start+j..].
            var lengths = new int[rows + 1, columns + 1];
            for (var i = rows - 1; i >= 0; i--)
                for (var j = columns - 1; j >= 0; j--)
                    lengths[i, j] = old[start + i] == @new[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            int x = 0, y = 0;
            while (x < rows || y < columns)
            {
                if (x < rows && y < columns && old[start + x] == @new[start + y])
                {
                    yield return (DiffKind.Same, start + x, start + y);
                    x++;
                    y++;
                }
                else if (x < rows && (y == columns || lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    // Removed before added, so a changed line reads as its old text then its new one.
                    yield return (DiffKind.Removed, start + x++, -1);
                }
                else
                {
                    yield return (DiffKind.Added, -1, start + y++);
                }
            }
        }
        for (int i = oldEnd, j = newEnd; i < old.Length; i++, j++)
            yield return (DiffKind.Same, i, j);
    }

    /// <summary>Words with the white space that follows each, so the tokens join back into the text.</summary>
    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i])))
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }
        return [.. tokens];
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n");
}
