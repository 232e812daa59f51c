namespace Bayan.Search;

/// <summary>
/// Arabic joins the article and some particles to the word that follows: التطعيم, والتطعيم, للتطعيم,
/// وتطعيم. A reader's word must find all of them, and the word as typed first. Two rules, on words
/// already normalised by <see cref="SearchText"/>:
/// <list type="bullet">
/// <item>The article, with whatever stands before it (ال, وال, فال, بال, كال, لل, ولل, فلل, وبال, وكال,
/// فبال, فكال), is taken off every word of the index and of a query (<see cref="Strip"/>), when three
/// letters or more are left: a shorter rest is more often a word of its own (الله, الي from إلى, الم
/// from ألم), and stays whole.</item>
/// <item>A particle alone (و, ف, ب, ك, ل, and و or ف before ب, ك or ل) is never taken off: its letter is
/// as often the word's own (وزير, فريق, بيت, كتاب, لجنة), and وزير and الوزير must stay one word.
/// A query adds those particles instead (<see cref="Forms"/>) to a word of three letters or more, the
/// reader's word being whole as typed: دعم finds لدعم, and only a rare word such as زير also finds
/// وزير (ranked after the form typed).</item>
/// </list>
/// Only words of Arabic letters are touched.
/// </summary>
internal static class ArabicProclitics
{
    /// <summary>What must be left of a word for its first letters to be taken as the article.</summary>
    public const int ShortestStem = 3;

    private const string Article = "ال";

    /// <summary>Longest first, so والتطعيم loses وال, not ال after nothing.</summary>
    private static readonly string[] WithArticle =
        ["وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", Article];

    private static readonly string[] Particles = ["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"];

    /// <summary>The word as the index holds it: without its article and what stands before it.</summary>
    public static string Strip(string word)
    {
        if (word.Length <= ShortestStem || !IsArabicLetter(word[0]))
            return word;
        foreach (var proclitic in WithArticle)
        {
            if (word.Length - proclitic.Length < ShortestStem || !word.StartsWith(proclitic, StringComparison.Ordinal))
                continue;
            var stem = word[proclitic.Length..];
            // A word whose own first letters are ال (التزام, الكتروني once its hamza is folded) lost them above
            // when written without the article: with it (الالتزام, بالالتزام) it loses them too, to stay one word.
            return stem.Length - Article.Length >= ShortestStem && stem.StartsWith(Article, StringComparison.Ordinal)
                ? stem[Article.Length..]
                : stem;
        }
        return word;
    }

    /// <summary>
    /// The words of the index a reader's word stands for: its stem, and the stem with each particle joined
    /// before it (وتطعيم, بتطعيم, وبتطعيم, ...); a short stem also with the article, which the index keeps
    /// on it (البث, للبث). The first is the stem itself.
    /// </summary>
    public static IReadOnlyList<string> Forms(string word)
    {
        var stem = Strip(word);
        if (!IsArabicLetter(stem[0]))
            return [stem];
        var forms = new List<string> { stem };
        // A particle before a stem of two letters makes too many words of their own (حر and بحر, طن and وطن, قت and وقت).
        foreach (var proclitic in stem.Length < ShortestStem ? WithArticle : Particles.Concat(WithArticle))
        {
            var form = Strip(proclitic + stem);
            if (!forms.Contains(form))
                forms.Add(form);
        }
        return forms;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
