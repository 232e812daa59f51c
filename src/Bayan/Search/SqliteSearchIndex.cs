using System.Text.Json;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// SQLite: the FTS5 table search_index (migration AddSearch), rowid = the version's id, tokenizer
/// unicode61 over text <see cref="SearchText"/> has already normalised. Ranked by bm25() with the
/// title and number weighing most; matches marked by highlight().
/// </summary>
internal sealed class SqliteSearchIndex(BayanDb db) : SearchIndex(db)
{
    protected override Task RemoveAsync(IReadOnlyList<int> versionIds, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each({Json(versionIds)}))", ct);

    protected override Task AddAsync(SearchDocument d, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_index (rowid, title, number, summary, office, body, language, release_id)
            VALUES ({d.VersionId}, {d.Title}, {d.Number}, {d.Summary}, {d.Office}, {d.Body}, {d.Language}, {d.ReleaseId})
            """, ct);

    protected override Task ClearAsync(CancellationToken ct) =>
        Db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", ct);

    // bm25 is lower for better matches; negated, higher is better as on PostgreSQL.
    protected override IQueryable<IndexMatch> Matches(SearchQuery query) =>
        Db.Database.SqlQuery<IndexMatch>($"""
            SELECT rowid AS "VersionId", -bm25(search_index, 10.0, 8.0, 4.0, 2.0, 1.0) AS "Rank"
            FROM search_index WHERE search_index MATCH {Match(query)}
            """);

    protected override Task<List<IndexMarks>> MarksAsync(SearchQuery query, IReadOnlyList<int> versionIds, CancellationToken ct) =>
        Db.Database.SqlQuery<IndexMarks>($"""
            SELECT rowid AS "VersionId",
                   highlight(search_index, 0, '[', ']') AS "Title",
                   highlight(search_index, 2, '[', ']') AS "Summary",
                   highlight(search_index, 4, '[', ']') AS "Body"
            FROM search_index
            WHERE search_index MATCH {Match(query)} AND rowid IN (SELECT value FROM json_each({Json(versionIds)}))
            """).ToListAsync(ct);

    /// <summary>Every phrase in double quotes, so FTS5 reads no operator in it; phrases side by side must all match.</summary>
    private static string Match(SearchQuery query) =>
        string.Join(' ', query.Phrases.Select(p => "\"" + p.ToString().Replace("\"", "\"\"") + "\""));

    private static string Json(IReadOnlyList<int> ids) => JsonSerializer.Serialize(ids);
}
