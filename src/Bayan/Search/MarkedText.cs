using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Bayan.Search;

/// <summary>
/// A field of a result with the words its index marked as matching. The indexes mark the normalised
/// text (FTS5 highlight(), PostgreSQL ts_headline()); a reader must see the original, with its capitals,
/// hamzas and punctuation, so the marks are carried over word by word to the original text, which is
/// then written as HTML: everything escaped, the marks as &lt;mark&gt;.
/// </summary>
public sealed class MarkedText
{
    /// <summary>What the indexes put around a matching word; normalised text never holds either character.</summary>
    public const char Open = '[';
    public const char Close = ']';

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string original;
    private readonly IReadOnlyList<SearchToken> tokens;
    private readonly bool[] marked;

    private MarkedText(string original, IReadOnlyList<SearchToken> tokens, bool[] marked)
    {
        this.original = original;
        this.tokens = tokens;
        this.marked = marked;
    }

    public bool HasMarks => marked.Contains(true);

    /// <summary>
    /// The original with the marks of <paramref name="marked"/>, the index's copy of its normalised text;
    /// null when that copy is not the original's (an index older than the text: `bayan reindex` mends it).
    /// </summary>
    public static MarkedText? Read(string original, string marked)
    {
        var tokens = SearchText.Tokens(original);
        var flags = new bool[tokens.Count];
        var word = new StringBuilder();
        var index = 0;
        var inside = false;
        var wordMarked = false;

        bool Finish()
        {
            if (word.Length == 0)
                return true;
            if (index >= tokens.Count || tokens[index].Text != word.ToString())
                return false;
            flags[index++] = wordMarked;
            word.Clear();
            wordMarked = false;
            return true;
        }

        foreach (var c in marked)
        {
            switch (c)
            {
                case Open:
                    inside = true;
                    break;
                case Close:
                    inside = false;
                    break;
                case ' ':
                    if (!Finish())
                        return null;
                    break;
                default:
                    word.Append(c);
                    wordMarked |= inside;
                    break;
            }
        }
        return Finish() && index == tokens.Count ? new MarkedText(original, tokens, flags) : null;
    }

    /// <summary>All of the text, marked: for titles.</summary>
    public string WholeHtml() => tokens.Count == 0 ? Encode(original) : Html(0, tokens.Count - 1, whole: true);

    /// <summary>About <paramref name="words"/> words where most marks are, with … where text was left out.</summary>
    public string SnippetHtml(int words)
    {
        if (tokens.Count == 0)
            return "";
        var start = 0;
        var best = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!marked[i] || (i > 0 && marked[i - 1]))
                continue;
            // A little of what comes before the first mark, so the reader sees it in context.
            var candidate = Math.Max(0, Math.Min(i - 5, tokens.Count - words));
            var count = marked.Skip(candidate).Take(words).Count(m => m);
            if (count > best)
                (best, start) = (count, candidate);
        }
        return Html(start, Math.Min(tokens.Count, start + words) - 1, whole: false);
    }

    /// <summary>A text without marks: a field whose matches lie in other fields, or whose index copy is stale.</summary>
    public static MarkedText Unmarked(string text)
    {
        var tokens = SearchText.Tokens(text);
        return new MarkedText(text, tokens, new bool[tokens.Count]);
    }

    private string Html(int first, int last, bool whole)
    {
        var html = new StringBuilder();
        if (!whole && first > 0)
            html.Append("… ");
        var position = whole ? 0 : tokens[first].Start;
        var open = false;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            if (open && !marked[i])
            {
                html.Append("</mark>");
                open = false;
            }
            html.Append(Encode(original[position..token.Start]));
            if (marked[i] && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            html.Append(Encode(original[token.Start..token.End]));
            position = token.End;
        }
        if (open)
            html.Append("</mark>");
        if (whole)
            html.Append(Encode(original[position..]));
        else if (last < tokens.Count - 1)
            html.Append(" …");
        return html.ToString();
    }

    /// <summary>Escaped, with line breaks and runs of spaces as one space: a snippet is one line.</summary>
    private static string Encode(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
                line.Append(c);
            else if (line.Length == 0 || line[^1] != ' ')
                line.Append(' ');
        }
        return Encoder.Encode(line.ToString());
    }
}
