using System.Net;
using System.Text;
using Bayan.Revisions;

namespace Bayan.Editing;

/// <summary>Which side of a conflict an editor keeps for one field.</summary>
public enum ConflictSide
{
    Yours,
    Theirs,
}

/// <summary>
/// One field that two editors saved differently: their stored value, the value this editor sent,
/// and the words that differ, read from theirs to yours (removed words are theirs only, added words yours only).
/// </summary>
public sealed record FieldConflict(string Field, string Theirs, string Yours)
{
    public IReadOnlyList<DiffSpan> Words { get; } = TextDiff.Words(Unix(Theirs), Unix(Yours));

    /// <summary>The word diff as HTML: &lt;del&gt; for theirs only, &lt;ins&gt; for yours only; every text encoded.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var span in Words)
        {
            var text = WebUtility.HtmlEncode(span.Text);
            html.Append(span.Kind switch
            {
                DiffKind.Removed => $"<del>{text}</del>",
                DiffKind.Added => $"<ins>{text}</ins>",
                _ => text,
            });
        }
        return html.ToString();
    }

    internal static string Unix(string text) => text.Replace("\r\n", "\n");
}

/// <summary>
/// The fields of a conflict that really differ, in the order the form shows them, so a conflict in
/// the summary alone shows the summary alone and never two identical texts. Pure functions.
/// </summary>
public static class FieldConflicts
{
    /// <summary>The differing fields of a language version's text: title, address, summary, body.</summary>
    public static IReadOnlyList<FieldConflict> Of(DraftText theirs, DraftText yours) =>
        Differing(
            ("title", theirs.Title, yours.Title),
            ("slug", theirs.Slug, yours.Slug),
            ("summary", theirs.Summary, yours.Summary),
            ("body", theirs.Body, yours.Body));

    /// <summary>Fields whose two values differ other than in line endings (a browser sends \r\n, the command line \n).</summary>
    public static IReadOnlyList<FieldConflict> Differing(params (string Field, string Theirs, string Yours)[] fields) =>
        [.. fields.Where(f => !TextDiff.AreEqual(f.Theirs, f.Yours)).Select(f => new FieldConflict(f.Field, f.Theirs, f.Yours))];

    /// <summary>
    /// A set of names (categories, tags) as one item a line, sorted, so the word diff marks the
    /// items one side has and the other has not, whatever order they were chosen in.
    /// </summary>
    public static string Items(IEnumerable<string> names) =>
        string.Join("\n", names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>The fields where the editor chose theirs (field name to "theirs" or "yours"); anything else keeps their own value.</summary>
    public static IReadOnlySet<string> TheirsChosen(IEnumerable<KeyValuePair<string, string>>? choices) =>
        (choices ?? []).Where(c => Enum.TryParse<ConflictSide>(c.Value, ignoreCase: true, out var side) && side == ConflictSide.Theirs)
            .Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
}
