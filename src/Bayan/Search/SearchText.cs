using System.Globalization;
using System.Text;

namespace Bayan.Search;

/// <summary>A word of a text as search sees it: its normalised form and where it stands in the original.</summary>
public readonly record struct SearchToken(string Text, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// The one normaliser of search. Both indexes (SQLite FTS5 and PostgreSQL) and every query get
/// the text it makes, so the databases never see a letter that they could fold differently:
/// NFKC; Arabic without harakat, Quranic marks and tatweel, with alef, yeh, teh marbuta, hamza
/// carriers and the Persian kaf and yeh folded; Latin without accents, lowercased, with the Turkish
/// dotted and dotless i both plain i; Cyrillic lowercased with ё as е; every decimal digit as 0-9.
/// Words are runs of letters, marks and digits; anything else separates them, so the normalised
/// text is only words and single spaces.
/// </summary>
public static class SearchText
{
    /// <summary>Longer runs (encoded data, long numbers) are not words anyone searches for; PostgreSQL would refuse them too.</summary>
    public const int MaxWordLength = 100;

    /// <summary>The normalised words, one space apart: the words as written, which rank the forms a reader typed first.</summary>
    public static string Normalise(string? text) => string.Join(' ', Tokens(text).Select(t => t.Text));

    /// <summary>
    /// The text the indexes search and queries are matched with: the normalised words, each without the
    /// Arabic article and what stands before it (<see cref="ArabicProclitics.Strip"/>), one space apart.
    /// </summary>
    public static string Stems(string? text) => string.Join(' ', Tokens(text).Select(t => ArabicProclitics.Strip(t.Text)));

    /// <summary>The normalised words of a text, each with the span of the original it came from.</summary>
    public static IReadOnlyList<SearchToken> Tokens(string? text)
    {
        var tokens = new List<SearchToken>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        var word = new StringBuilder();
        int start = 0, end = 0;
        var latinBefore = false;

        void Finish()
        {
            if (word.Length is > 0 and <= MaxWordLength)
                tokens.Add(new SearchToken(word.ToString(), start, end - start));
            word.Clear();
            latinBefore = false;
        }

        void Add(Rune rune, int elementStart, int elementEnd)
        {
            switch (Classify(rune, latinBefore))
            {
                case Kind.Dropped:
                    return;
                case Kind.Separator:
                    Finish();
                    return;
            }
            if (word.Length == 0)
                start = elementStart;
            end = elementEnd;
            latinBefore = Fold(rune, word);
        }

        // Text elements (a letter with its marks) are normalised one at a time, so every character
        // of the result is known to come from one span of the original: snippets show the original.
        for (var elementStart = 0; elementStart < text.Length;)
        {
            var elementEnd = StandsAlone(text, elementStart)
                ? elementStart + 1
                : elementStart + StringInfo.GetNextTextElementLength(text.AsSpan(elementStart));
            if (elementEnd == elementStart + 1 && IsNormalisedAlone(text[elementStart]))
                Add(new Rune(text[elementStart]), elementStart, elementEnd);
            else
            {
                foreach (var rune in text[elementStart..elementEnd].Normalize(NormalizationForm.FormKC).EnumerateRunes())
                    Add(rune, elementStart, elementEnd);
            }
            elementStart = elementEnd;
        }
        Finish();
        return tokens;
    }

    /// <summary>
    /// ASCII and the letters of the basic Arabic block, standing alone, are their own NFKC form: most
    /// text skips asking ICU (normalising a letter at a time is most of the work of reading a text).
    /// </summary>
    private static bool IsNormalisedAlone(char c) => c < 0x80 || c is >= '\u0621' and <= '\u064A';

    /// <summary>
    /// Whether the character at <paramref name="at"/> is a text element by itself, known without asking
    /// for the text's grapheme clusters (a fifth of reading a text): one of those above, followed by
    /// another or by nothing. A mark would join it, and so would a line feed after a carriage return.
    /// </summary>
    private static bool StandsAlone(string text, int at)
    {
        if (!IsNormalisedAlone(text[at]))
            return false;
        if (at + 1 == text.Length)
            return true;
        var next = text[at + 1];
        return IsNormalisedAlone(next) && !(text[at] == '\r' && next == '\n');
    }

    private enum Kind
    {
        WordPart,
        Dropped,
        Separator,
    }

    private static Kind Classify(Rune rune, bool latinBefore)
    {
        var c = rune.Value;
        if (IsArabicMark(c) || c == 0x0640 /* tatweel */ || c is 0x02BB or 0x02BC /* Uzbek oʻ and ʼ */)
            return Kind.Dropped;
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Format)
            return Kind.Dropped; // zero-width joiners, direction marks, soft hyphens
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            // Accents (and Russian stress marks) are dropped; marks of other scripts are part of their letters.
            if (c is >= 0x0300 and <= 0x036F || latinBefore)
                return Kind.Dropped;
            return Kind.WordPart;
        }
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Kind.WordPart,
            _ => Kind.Separator,
        };
    }

    /// <summary>Harakat and the other marks Arabic script writes above and below its letters.</summary>
    private static bool IsArabicMark(int c) =>
        c is >= 0x064B and <= 0x065F or 0x0670 or >= 0x06D6 and <= 0x06DC or >= 0x06DF and <= 0x06E4
            or 0x06E7 or 0x06E8 or >= 0x06EA and <= 0x06ED or >= 0x08D3 and <= 0x08FF;

    /// <summary>Appends the folded form of a word character; says whether it was a Latin letter.</summary>
    private static bool Fold(Rune rune, StringBuilder word)
    {
        var c = rune.Value;
        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ':
                word.Append('ا');
                return false;
            case 'ى' or 'ئ' or 'ی':
                word.Append('ي');
                return false;
            case 'ة':
                word.Append('ه');
                return false;
            case 'ؤ':
                word.Append('و');
                return false;
            case 'ک':
                word.Append('ك');
                return false;
            case 'İ' or 'I' or 'ı':
                word.Append('i');
                return true;
            case 'ß' or 'ẞ':
                word.Append("ss");
                return true;
            case 'ς':
                word.Append('σ');
                return false;
            case 'ё' or 'Ё':
                word.Append('е');
                return false;
        }
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            word.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            return false;
        }
        if (IsLatin(c))
        {
            // "ş" is "s" with a cedilla: keep the letter, drop what decorates it.
            var bare = c < 0x80 ? (char)c : rune.ToString().Normalize(NormalizationForm.FormD)[0];
            word.Append(char.ToLowerInvariant(bare));
            return true;
        }
        // Arabic script has no capitals; asking for its lower case was a tenth of marking a page of results.
        if (c is >= 0x0600 and <= 0x06FF)
            word.Append((char)c);
        else
            AppendRune(word, Rune.ToLowerInvariant(rune));
        return false;
    }

    private static void AppendRune(StringBuilder word, Rune rune)
    {
        Span<char> chars = stackalloc char[2];
        word.Append(chars[..rune.EncodeToUtf16(chars)]);
    }

    private static bool IsLatin(int c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 0x00C0 and <= 0x024F or >= 0x1E00 and <= 0x1EFF;
}
