using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// PostgreSQL: the table search_index (migrations AddSearch, SearchFiltersInIndex) with a generated
/// tsvector of the normalised fields under the 'simple' configuration (no stemming, so it finds what
/// FTS5 finds) in a GIN index, and beside it the language, office, categories and publication time
/// that the filters need, with an index in newest-first order: the planner either walks that index
/// and stops at the newest matches of a common word, or gathers the few matches of a rare one from
/// the GIN index. Ranked as <see cref="Rank"/> says, by the weights of the fields (title and number A,
/// summary B, office C) in the heading tsvector, then by whether heading_forms (the heading's words as written,
/// migration SearchArabicProclitics) holds the words as typed; only the newest matches, and only the page's rows are sent back.
/// </summary>
internal sealed class PostgresSearchIndex(BayanDb db) : SearchIndex(db)
{
    protected override Task RemoveAsync(IReadOnlyList<int> releaseIds, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"DELETE FROM search_index WHERE release_id = ANY({releaseIds.ToArray()})", ct);

    protected override Task AddAsync(SearchDocument d, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_index (version_id, release_id, language, title, number, summary, office, body, forms, office_id, category_ids, publish_at)
            VALUES ({d.VersionId}, {d.ReleaseId}, {d.Language}, {d.Title}, {d.Number}, {d.Summary}, {d.Office}, {d.Body}, {d.Forms},
                    {d.OfficeId}, {d.CategoryIds.ToArray()}, {DateTime.SpecifyKind(d.PublishAt, DateTimeKind.Utc)})
            """, ct);

    protected override Task ClearAsync(CancellationToken ct) =>
        Db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", ct);

    /// <summary>Nothing to do: the GIN index takes new entries into its pending list and autovacuum merges them.</summary>
    public override Task CompactAsync(CancellationToken ct) => Task.CompletedTask;

    protected override Task<List<IndexPageRow>> PageAsync(SearchRequest request, int skip, int take, CancellationToken ct)
    {
        // Only the filters asked for are written, so each query shape gets a plan of its own.
        var parameters = new List<object>
        {
            TsQuery(request.Query), request.Language, SearchResults.Limit + 1, SearchResults.Limit,
            TsQuery(request.Query, "A"), TsQuery(request.Query, "BC"), take, skip,
        };
        // A query whose words have no other forms (not Arabic) finds only the forms typed: nothing to tell apart.
        var asTyped = "";
        if (request.Query.HasOtherForms)
        {
            parameters.Add(AsTyped(request.Query));
            asTyped = $"s.heading_forms @@ to_tsquery('simple', {{{parameters.Count - 1}}}) DESC,";
        }
        var filters = Filters(request, parameters);
        // The newest matches (one more than the limit, to know there are more), then the limit of them
        // ranked by where the words are: by the small heading tsvector (migration SearchHeading), since
        // reading the whole document of each unpacks its body. Only the page's rows are sent.
        var sql = $$"""
            WITH found AS MATERIALIZED (
                SELECT version_id, publish_at FROM search_index
                WHERE document @@ to_tsquery('simple', {0}) AND language = {1}{{filters}}
                ORDER BY publish_at DESC, version_id DESC
                LIMIT {2}
            ), newest AS MATERIALIZED (
                SELECT * FROM found ORDER BY publish_at DESC, version_id DESC LIMIT {3}
            )
            SELECT n.version_id AS "VersionId", (SELECT count(*) FROM found)::int AS "Found"
            FROM newest n JOIN search_index s ON s.version_id = n.version_id
            ORDER BY CASE WHEN s.heading @@ to_tsquery('simple', {4}) THEN {{Rank.Title}}
                          WHEN s.heading @@ to_tsquery('simple', {5}) THEN {{Rank.Summary}} ELSE {{Rank.Body}} END DESC,
                     {{asTyped}} n.publish_at DESC, n.version_id DESC
            LIMIT {6} OFFSET {7}
            """;
        return Db.Database.SqlQueryRaw<IndexPageRow>(sql, [.. parameters]).ToListAsync(ct);
    }

    public override async Task<IReadOnlyList<int>> IndexedVersionsAsync(CancellationToken ct) =>
        await Db.Database.SqlQueryRaw<int>("""SELECT version_id AS "Value" FROM search_index""").ToListAsync(ct);

    public override async Task<IReadOnlyList<int>> NewestMatchesAsync(SearchRequest request, CancellationToken ct)
    {
        var parameters = new List<object> { TsQuery(request.Query), request.Language, SearchResults.Limit };
        var filters = Filters(request, parameters);
        var sql = $$"""
            SELECT version_id AS "Value" FROM search_index
            WHERE document @@ to_tsquery('simple', {0}) AND language = {1}{{filters}}
            ORDER BY publish_at DESC, version_id DESC
            LIMIT {2}
            """;
        return await Db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    /// <summary>The request's filters as conditions on the index's own columns, their values added to <paramref name="parameters"/>.</summary>
    private static string Filters(SearchRequest request, List<object> parameters)
    {
        var filters = "";
        void Filter(string condition, object value)
        {
            parameters.Add(value);
            filters += " AND " + condition.Replace("@", "{" + (parameters.Count - 1) + "}");
        }
        if (request.OfficeId is { } office)
            Filter("office_id = @", office);
        if (request.CategoryIds is { Count: > 0 } categories)
            Filter("category_ids && @", categories.ToArray());
        if (request.FromUtc is { } from)
            Filter("publish_at >= @", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        if (request.ToUtc is { } to)
            Filter("publish_at < @", DateTime.SpecifyKind(to, DateTimeKind.Utc));
        return filters;
    }

    /// <summary>
    /// ('word' | 'form') &amp; ('two' &lt;-&gt; 'words' | 'other' &lt;-&gt; 'words'): every phrase as any of its
    /// forms, every word quoted, so PostgreSQL reads no operator the reader typed; with
    /// <paramref name="weights"/>, 'word':A, only in the fields of those weights.
    /// </summary>
    private static string TsQuery(SearchQuery query, string weights = "") =>
        string.Join(" & ", query.Phrases.Select(p => "(" + string.Join(" | ", p.Forms.Select(f => Phrase(f, weights))) + ")"));

    /// <summary>Every phrase as typed, for the heading's words as written.</summary>
    private static string AsTyped(SearchQuery query) => string.Join(" & ", query.Phrases.Select(p => Phrase(p.Words, "")));

    private static string Phrase(IReadOnlyList<string> words, string weights) =>
        words.Count == 1 ? Quote(words[0], weights) : "(" + string.Join(" <-> ", words.Select(w => Quote(w, weights))) + ")";

    private static string Quote(string word, string weights) =>
        "'" + word.Replace("\\", "\\\\").Replace("'", "''") + "'" + (weights.Length > 0 ? ":" + weights : "");
}
