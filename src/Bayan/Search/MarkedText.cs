using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Bayan.Search;

/// <summary>
/// A field of a result with the words that match marked. A reader must see the original, with its
/// capitals, hamzas and punctuation, so its words are normalised one by one and compared with the
/// query's; the original is then written as HTML: everything escaped, the marks as &lt;mark&gt;.
/// </summary>
public sealed class MarkedText
{
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
    /// The original with every run of its words that is one of the forms of the query's phrases marked.
    /// Words are compared as <see cref="SearchText.Stems"/> makes them, the very words both indexes
    /// search, so what is marked is what was found, on either database, and without asking it again.
    /// </summary>
    public static MarkedText Find(string original, SearchQuery query)
    {
        var tokens = SearchText.Tokens(original);
        var stems = tokens.Select(t => ArabicProclitics.Strip(t.Text)).ToList();
        var marked = new bool[tokens.Count];
        foreach (var form in query.Phrases.SelectMany(p => p.Forms))
        {
            for (var start = 0; start + form.Count <= stems.Count; start++)
            {
                if (StandsAt(form, stems, start))
                    Array.Fill(marked, true, start, form.Count);
            }
        }
        return new MarkedText(original, tokens, marked);
    }

    private static bool StandsAt(IReadOnlyList<string> words, List<string> stems, int start)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (stems[start + i] != words[i])
                return false;
        }
        return true;
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
            var count = MarksIn(candidate, Math.Min(tokens.Count, candidate + words));
            if (count > best)
                (best, start) = (count, candidate);
        }
        return Html(start, Math.Min(tokens.Count, start + words) - 1, whole: false);
    }

    private int MarksIn(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (marked[i])
                count++;
        }
        return count;
    }

    /// <summary>
    /// The original from the first to the last token given: each run of marked or unmarked words is
    /// escaped at once, with what stands between them, and the marked runs are put in &lt;mark&gt;.
    /// </summary>
    private string Html(int first, int last, bool whole)
    {
        var html = new StringBuilder();
        if (!whole && first > 0)
            html.Append("… ");
        var position = whole ? 0 : tokens[first].Start;
        for (var i = first; i <= last;)
        {
            var runEnd = i;
            while (runEnd < last && marked[runEnd + 1] == marked[i])
                runEnd++;
            if (marked[i])
            {
                html.Append(Encode(original[position..tokens[i].Start]));
                html.Append("<mark>").Append(Encode(original[tokens[i].Start..tokens[runEnd].End])).Append("</mark>");
            }
            else
                html.Append(Encode(original[position..tokens[runEnd].End]));
            position = tokens[runEnd].End;
            i = runEnd + 1;
        }
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
