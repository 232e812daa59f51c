using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// SQLite: the FTS5 table search_index (migration SearchFiltersInIndex), tokenizer unicode61 over text
/// <see cref="SearchText"/> has already normalised. Everything a search asks is answered by FTS5
/// alone, in the order of its rowids, so it stops at the newest matches it needs:
/// the rowid is the minute of publication followed by the version's id (newest first is rowid
/// descending, a range of days is a range of rowids); language, office, categories and release are
/// words of the column filters, which a reader's words never reach. Ranked as <see cref="Rank"/> says,
/// in the same statement, so only the page's rows are read back.
/// </summary>
internal sealed class SqliteSearchIndex(BayanDb db) : SearchIndex(db)
{
    private const string TextColumns = "{title number summary office body}";
    private const string TitleColumns = "{title number}";
    private const string SummaryColumns = "{summary office}";
    private const int VersionBits = 31;
    private const long VersionMask = (1L << VersionBits) - 1;

    protected override Task RemoveAsync(IReadOnlyList<int> releaseIds, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH {AnyOf(releaseIds.Select(Word.Release))})
            """, ct);

    protected override Task AddAsync(SearchDocument d, CancellationToken ct)
    {
        var filters = string.Join(' ', [Word.Language(d.Language), Word.Office(d.OfficeId), Word.Release(d.ReleaseId), .. d.CategoryIds.Select(Word.Category)]);
        return Db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_index (rowid, title, number, summary, office, body, filters)
            VALUES ({Row(d.PublishAt) | (uint)d.VersionId}, {d.Title}, {d.Number}, {d.Summary}, {d.Office}, {d.Body}, {filters})
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

    protected override Task<List<IndexPageRow>> PageAsync(SearchRequest request, int skip, int take, CancellationToken ct)
    {
        var from = request.FromUtc is { } f ? Row(f) : long.MinValue;
        var to = request.ToUtc is { } t ? Row(t) : long.MaxValue;
        // One statement, so only the page's rows leave SQLite: the newest matches (one more than the limit,
        // to know there are more), the limit of them ranked by where the words are, each a match inside the
        // rows just found: as cheap as finding them. (bm25() would first count every row holding each word:
        // most of the time of a common word.) The ranks ask only for the words: the rows they rank passed the
        // filters already, and a filter word such as the language is in half the index, so matching it again
        // cost a quarter of the statement.
        return Db.Database.SqlQuery<IndexPageRow>($"""
            WITH found AS MATERIALIZED (
                SELECT rowid AS row_id FROM search_index
                WHERE search_index MATCH {Match(request, TextColumns)} AND rowid >= {from} AND rowid < {to}
                ORDER BY rowid DESC LIMIT {SearchResults.Limit + 1}),
            newest AS MATERIALIZED (SELECT row_id FROM found ORDER BY row_id DESC LIMIT {SearchResults.Limit})
            SELECT row_id & {VersionMask} AS "VersionId", (SELECT count(*) FROM found) AS "Found"
            FROM newest
            ORDER BY CASE
                WHEN row_id IN (SELECT rowid FROM search_index WHERE search_index MATCH {Match(request.Query, TitleColumns)}
                    AND rowid >= (SELECT min(row_id) FROM newest) AND rowid < {to}) THEN {Rank.Title}
                WHEN row_id IN (SELECT rowid FROM search_index WHERE search_index MATCH {Match(request.Query, SummaryColumns)}
                    AND rowid >= (SELECT min(row_id) FROM newest) AND rowid < {to}) THEN {Rank.Summary}
                ELSE {Rank.Body} END DESC, row_id DESC
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(ct);
    }

    /// <summary>The minute of publication in the high bits: rows sort by it, and a day begins at a minute.</summary>
    private static long Row(DateTime utc) =>
        (long)Math.Floor((utc - DateTime.UnixEpoch).TotalMinutes) << VersionBits;

    /// <summary>The reader's phrases in <paramref name="columns"/>, and a word of the filters column for each filter.</summary>
    private static string Match(SearchRequest request, string columns)
    {
        var match = $"{Match(request.Query, columns)} AND {{filters}}: {Word.Language(request.Language)}";
        if (request.OfficeId is { } office)
            match += $" AND {{filters}}: {Word.Office(office)}";
        if (request.CategoryIds is { Count: > 0 } categories)
            match += $" AND {AnyOf(categories.Select(Word.Category))}";
        return match;
    }

    /// <summary>Every phrase in double quotes, so FTS5 reads no operator in it; phrases side by side must all match.</summary>
    private static string Match(SearchQuery query, string columns = TextColumns) =>
        columns + ": (" + string.Join(' ', query.Phrases.Select(p => "\"" + p.ToString().Replace("\"", "\"\"") + "\"")) + ")";

    private static string AnyOf(IEnumerable<string> words) => "{filters}: (" + string.Join(" OR ", words) + ")";

    /// <summary>Words of the filters column: a letter and digits or letters, nothing a tokenizer splits or FTS5 reads as syntax.</summary>
    private static class Word
    {
        public static string Language(string code) => "l" + new string([.. code.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

        public static string Office(int id) => "o" + id;

        public static string Category(int id) => "c" + id;

        public static string Release(int id) => "r" + id;
    }
}
