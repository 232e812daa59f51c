using Bayan.Operations;

namespace Bayan.Search;

/// <summary>Words that must stand together and in this order; a single word is a phrase of one.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Words)
{
    /// <summary>
    /// The phrase as the index holds it, any of which matches: its words without their article, and
    /// the first also with each particle joined before it (<see cref="ArabicProclitics.Forms"/>). Only the
    /// first, since SQLite has no "either word" inside a phrase, and every word with its forms would
    /// multiply the phrases to ask; a particle mostly stands before the first word of a phrase anyway.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Forms { get; } =
        [.. ArabicProclitics.Forms(Words[0]).Select(first => (IReadOnlyList<string>)[first, .. Words.Skip(1).Select(ArabicProclitics.Strip)])];

    /// <summary>Whether the phrase finds other forms of its words than the ones typed, to be ranked after those.</summary>
    public bool HasOtherForms => Forms.Count > 1 || !Forms[0].SequenceEqual(Words);

    public override string ToString() => string.Join(' ', Words);
}

/// <summary>
/// What a reader typed, understood: every phrase must appear. Words are ANDed; "words in quotes"
/// and words joined by punctuation ("1445/03", "e-mail") must appear together. Nothing the reader
/// types reaches a database as syntax: the indexes get only normalised words, which they quote.
/// </summary>
public sealed record SearchQuery(string Text, IReadOnlyList<SearchPhrase> Phrases)
{
    /// <summary>Whether the query finds other forms of its words than the ones typed (Arabic words with or without their article and particles).</summary>
    public bool HasOtherForms => Phrases.Any(p => p.HasOtherForms);

    public const int MaxLength = 200;

    // FTS5 reads these as operators when written in capitals; here they are simply left out.
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    private static readonly char[] Quotes = ['"', '“', '”', '„', '«', '»'];

    /// <summary>The query, or null and the problem to tell the reader (empty, too long, nothing to search for).</summary>
    public static SearchQuery? Parse(string? text, out Problem? problem)
    {
        text = text?.Trim() ?? "";
        problem = text.Length switch
        {
            0 => new Problem("search_empty"),
            > MaxLength => new Problem("search_too_long", MaxLength),
            _ => null,
        };
        if (problem is not null)
            return null;

        var phrases = new List<SearchPhrase>();
        var quoted = false;
        foreach (var part in text.Split(Quotes))
        {
            if (quoted)
                Add(phrases, SearchText.Tokens(part).Select(t => t.Text).ToList());
            else
                AddWords(phrases, part);
            quoted = !quoted;
        }
        if (phrases.Count == 0)
        {
            problem = new Problem("search_no_words");
            return null;
        }
        return new SearchQuery(text, phrases);
    }

    /// <summary>Outside quotes, whitespace separates phrases; words joined by anything else stay together.</summary>
    private static void AddWords(List<SearchPhrase> phrases, string part)
    {
        var words = new List<string>();
        var previousEnd = 0;
        foreach (var token in SearchText.Tokens(part))
        {
            if (words.Count > 0 && part[previousEnd..token.Start].Any(char.IsWhiteSpace))
            {
                Add(phrases, words);
                words = [];
            }
            previousEnd = token.End;
            if (!Operators.Contains(part.Substring(token.Start, token.Length)))
                words.Add(token.Text);
        }
        Add(phrases, words);
    }

    private static void Add(List<SearchPhrase> phrases, List<string> words)
    {
        if (words.Count > 0 && !phrases.Any(p => p.Words.SequenceEqual(words)))
            phrases.Add(new SearchPhrase(words));
    }
}
