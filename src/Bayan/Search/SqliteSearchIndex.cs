using System.Data.Common;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Search;

/// <summary>
/// SQLite: the contentless FTS5 table search_index (migration SearchArabicProclitics), tokenizer unicode61
/// over text <see cref="SearchText"/> has already normalised, every word after its language's code
/// (<see cref="Word.InLanguage"/>), so a search reads the words of its language alone. Everything a
/// search asks is answered by FTS5 alone, in the order of its rowids, so it stops at the newest matches
/// it needs: the rowid is the minute of publication followed by the version's id (newest first is rowid
/// descending, a range of days is a range of rowids); office, categories and release are words of the
/// column filters, which a reader's words never reach. Ranked as <see cref="Rank"/> says, over the newest
/// matches only.
/// </summary>
internal sealed class SqliteSearchIndex(BayanDb db) : SearchIndex(db)
{
    private const string TextColumns = "{title number summary office body}";
    private const string TitleColumns = "{title number}";
    private const string SummaryColumns = "{summary office}";
    private const string FormsColumns = "{forms}";
    private const int VersionBits = 31;
    private const long VersionMask = (1L << VersionBits) - 1;

    protected override Task RemoveAsync(IReadOnlyList<int> releaseIds, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH {AnyOf(releaseIds.Select(Word.Release))})
            """, ct);

    protected override Task AddAsync(SearchDocument d, CancellationToken ct)
    {
        var filters = string.Join(' ', [Word.Office(d.OfficeId), Word.Release(d.ReleaseId), .. d.CategoryIds.Select(Word.Category)]);
        string In(string text) => Word.InLanguage(d.Language, text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_index (rowid, title, number, summary, office, body, forms, filters)
            VALUES ({Row(d.PublishAt) | (uint)d.VersionId}, {In(d.Title)}, {In(d.Number)}, {In(d.Summary)}, {In(d.Office)}, {In(d.Body)}, {In(d.Forms)}, {filters})
            """, ct);
    }

    protected override Task ClearAsync(CancellationToken ct) =>
        Db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", ct);

    /// <summary>
    /// FTS5 writes each transaction's entries as a segment of their own and merges them only a little at
    /// a time; 'optimize' merges them into one. At 100,000 releases written in batches the index had 17,
    /// and a search read all of them: merged, the search statement took a fifth less time.
    /// </summary>
    public override Task CompactAsync(CancellationToken ct) =>
        Db.Database.ExecuteSqlRawAsync("INSERT INTO search_index (search_index) VALUES ('optimize')", ct);

    public override async Task<IReadOnlyList<int>> IndexedVersionsAsync(CancellationToken ct) =>
        await ReadAsync("SELECT rowid FROM search_index", [], reader => (int)(reader.GetInt64(0) & VersionMask), ct);

    public override async Task<IReadOnlyList<int>> NewestMatchesAsync(SearchRequest request, CancellationToken ct)
    {
        var from = request.FromUtc is { } f ? Row(f) : long.MinValue;
        var to = request.ToUtc is { } t ? Row(t) : long.MaxValue;
        var found = await ReadAsync("""
            SELECT rowid FROM search_index
            WHERE search_index MATCH $match AND rowid >= $from AND rowid < $to
            ORDER BY rowid DESC LIMIT $limit
            """, [("match", Match(request, TextColumns)), ("from", from), ("to", to), ("limit", SearchResults.Limit)],
            reader => (int)(reader.GetInt64(0) & VersionMask), ct);
        return found;
    }

    protected override async Task<List<IndexPageRow>> PageAsync(SearchRequest request, int skip, int take, CancellationToken ct)
    {
        var from = request.FromUtc is { } f ? Row(f) : long.MinValue;
        var to = request.ToUtc is { } t ? Row(t) : long.MaxValue;
        // The newest matches, one more than the limit to know there are more: FTS5 walks its rowids down and stops there.
        var found = await ReadAsync("""
            SELECT rowid FROM search_index
            WHERE search_index MATCH $match AND rowid >= $from AND rowid < $to
            ORDER BY rowid DESC LIMIT $limit
            """, [("match", Match(request, TextColumns)), ("from", from), ("to", to), ("limit", SearchResults.Limit + 1)],
            reader => reader.GetInt64(0), ct);
        if (found.Count == 0)
            return [];
        var newest = found.Count > SearchResults.Limit ? found[..SearchResults.Limit] : found;
        if (skip >= newest.Count)
            return []; // a page past the last: nothing to rank
        var scores = await ScoresAsync(request.Query, request.Language, newest[^1], to, ct);
        // Newest first already, and ordering is stable: newest first among equals.
        return [.. newest.OrderByDescending(row => scores.GetValueOrDefault(row)).Skip(skip).Take(take)
            .Select(row => new IndexPageRow { VersionId = (int)(row & VersionMask), Found = found.Count })];
    }

    /// <summary>
    /// The rows from <paramref name="oldest"/> on whose title or summary holds the words, or whose heading
    /// holds them as typed, with a score: twice the <see cref="Rank"/>, plus one for the words as typed
    /// (rows the filters left out are among them and simply never asked for). Asked of FTS5 only for the
    /// words, and ranked here: matching the filter words again (the language is in half the index) or
    /// joining the newest rows against these inside SQLite cost as much as finding them; bm25() would
    /// first count every row holding each word, most of the time of a common word.
    /// </summary>
    private async Task<Dictionary<long, int>> ScoresAsync(SearchQuery query, string language, long oldest, long to, CancellationToken ct)
    {
        // A query whose words have no other forms (not Arabic) finds only the forms typed: nothing to tell apart.
        var asTyped = query.HasOtherForms ? """

            UNION ALL
            SELECT rowid, -1 FROM search_index
            WHERE search_index MATCH $forms AND rowid >= $oldest AND rowid < $to
            """ : "";
        var rows = await ReadAsync($"""
            SELECT rowid, {Rank.Title} FROM search_index
            WHERE search_index MATCH $title AND rowid >= $oldest AND rowid < $to
            UNION ALL
            SELECT rowid, {Rank.Summary} FROM search_index
            WHERE search_index MATCH $summary AND rowid >= $oldest AND rowid < $to{asTyped}
            """, [("title", Match(query, language, TitleColumns)), ("summary", Match(query, language, SummaryColumns)),
                ("forms", AsTyped(query, language)), ("oldest", oldest), ("to", to)],
            reader => (Row: reader.GetInt64(0), Rank: reader.GetInt32(1)), ct);
        var scores = new Dictionary<long, int>(rows.Count);
        // The lowest bit says "as typed", the bits above it the best rank.
        foreach (var (row, rank) in rows)
        {
            var score = scores.GetValueOrDefault(row);
            scores[row] = rank < 0 ? score | 1 : Math.Max(score, rank * 2 + (score & 1));
        }
        return scores;
    }

    /// <summary>
    /// The rows of a statement, read straight from SQLite: these are a thousand rows of numbers, and
    /// EF Core's reader, row by row asynchronously, took as long as SQLite took to find them.
    /// </summary>
    private async Task<List<T>> ReadAsync<T>(string sql, IEnumerable<(string Name, object Value)> parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await Db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$" + name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (reader.Read())
                rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The minute of publication in the high bits: rows sort by it, and a day begins at a minute.</summary>
    private static long Row(DateTime utc) =>
        (long)Math.Floor((utc - DateTime.UnixEpoch).TotalMinutes) << VersionBits;

    /// <summary>The reader's phrases in the request's language in <paramref name="columns"/>, and a word of the filters column for each filter.</summary>
    private static string Match(SearchRequest request, string columns)
    {
        var match = Match(request.Query, request.Language, columns);
        if (request.OfficeId is { } office)
            match += $" AND {{filters}}: {Word.Office(office)}";
        if (request.CategoryIds is { Count: > 0 } categories)
            match += $" AND {AnyOf(categories.Select(Word.Category))}";
        return match;
    }

    /// <summary>
    /// Every phrase as any of its forms, each in double quotes, so FTS5 reads no operator in it; every
    /// phrase must match.
    /// </summary>
    private static string Match(SearchQuery query, string language, string columns) =>
        columns + ": (" + string.Join(" AND ", query.Phrases.Select(p => "(" + string.Join(" OR ", p.Forms.Select(f => Quote(language, f))) + ")")) + ")";

    /// <summary>Every phrase as typed, in the heading's words as written.</summary>
    private static string AsTyped(SearchQuery query, string language) =>
        FormsColumns + ": (" + string.Join(' ', query.Phrases.Select(p => Quote(language, p.Words))) + ")";

    private static string Quote(string language, IEnumerable<string> words) =>
        "\"" + Word.InLanguage(language, words).Replace("\"", "\"\"") + "\"";

    private static string AnyOf(IEnumerable<string> words) => "{filters}: (" + string.Join(" OR ", words) + ")";

    /// <summary>
    /// Words as the index holds them. Those of the filters column are a letter and digits, nothing a
    /// tokenizer splits or FTS5 reads as syntax, and never a word of a text, which always begins with its language.
    /// </summary>
    private static class Word
    {
        /// <summary>
        /// Words as the index holds them: each after its language's code and a private-use character, which
        /// <see cref="SearchText"/> never leaves in a word and the tokenizer keeps in one (category Co), so
        /// "ar" and "arb" never run together. A search then reads the words of its language alone.
        /// </summary>
        public static string InLanguage(string code, IEnumerable<string> words)
        {
            var prefix = new string([.. code.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) + LanguageMark;
            return string.Join(' ', words.Select(word => prefix + word));
        }

        private const char LanguageMark = '\uE000';

        public static string Office(int id) => "o" + id;

        public static string Category(int id) => "c" + id;

        public static string Release(int id) => "r" + id;
    }
}
