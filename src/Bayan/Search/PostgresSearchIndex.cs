using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// PostgreSQL: the table search_index (migration AddSearch) with a generated tsvector of the
/// normalised fields under the 'simple' configuration (no stemming, so it finds what FTS5 finds)
/// and a GIN index. Ranked by ts_rank() with the title and number weighing most (A); matches
/// marked by ts_headline() over the whole field.
/// </summary>
internal sealed class PostgresSearchIndex(BayanDb db) : SearchIndex(db)
{
    private const string Marks = "StartSel=[, StopSel=], HighlightAll=true";

    protected override Task RemoveAsync(IReadOnlyList<int> versionIds, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"DELETE FROM search_index WHERE version_id = ANY({versionIds.ToArray()})", ct);

    protected override Task AddAsync(SearchDocument d, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_index (version_id, release_id, language, title, number, summary, office, body)
            VALUES ({d.VersionId}, {d.ReleaseId}, {d.Language}, {d.Title}, {d.Number}, {d.Summary}, {d.Office}, {d.Body})
            """, ct);

    protected override Task ClearAsync(CancellationToken ct) =>
        Db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", ct);

    protected override IQueryable<IndexMatch> Matches(SearchQuery query) =>
        Db.Database.SqlQuery<IndexMatch>($"""
            SELECT version_id AS "VersionId", ts_rank(document, to_tsquery('simple', {TsQuery(query)}), 1)::float8 AS "Rank"
            FROM search_index WHERE document @@ to_tsquery('simple', {TsQuery(query)})
            """);

    protected override Task<List<IndexMarks>> MarksAsync(SearchQuery query, IReadOnlyList<int> versionIds, CancellationToken ct) =>
        Db.Database.SqlQuery<IndexMarks>($"""
            SELECT version_id AS "VersionId",
                   ts_headline('simple', title, q, {Marks}) AS "Title",
                   ts_headline('simple', summary, q, {Marks}) AS "Summary",
                   ts_headline('simple', body, q, {Marks}) AS "Body"
            FROM search_index, to_tsquery('simple', {TsQuery(query)}) AS q
            WHERE document @@ q AND version_id = ANY({versionIds.ToArray()})
            """).ToListAsync(ct);

    /// <summary>'word' &amp; ('two' &lt;-&gt; 'words'): every word quoted, so PostgreSQL reads no operator the reader typed.</summary>
    private static string TsQuery(SearchQuery query) =>
        string.Join(" & ", query.Phrases.Select(p => p.Words.Count == 1
            ? Quote(p.Words[0])
            : "(" + string.Join(" <-> ", p.Words.Select(Quote)) + ")"));

    private static string Quote(string word) => "'" + word.Replace("\\", "\\\\").Replace("'", "''") + "'";
}
