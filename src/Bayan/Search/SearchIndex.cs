using Bayan.Data;
using Bayan.Releases;
using Bayan.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// What both indexes do alike: which versions to hold (those of published releases: a scheduled,
/// embargoed or retracted release is not in the index), the page's rows as a listing shows them, and
/// snippets for those rows only. Each database adds only its own SQL: how to write an entry, how to
/// match, filter, rank and page.
/// </summary>
internal abstract class SearchIndex(BayanDb db) : ISearchIndex
{
    private const int SnippetWords = 30;
    private const int Batch = 500;

    /// <summary>The index of the database <paramref name="db"/> runs on; it writes in the context's current transaction.</summary>
    public static ISearchIndex For(BayanDb db) =>
        db.Database.IsNpgsql() ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);

    protected BayanDb Db => db;

    public async Task UpdateAsync(IReadOnlyCollection<int> releaseIds, CancellationToken ct)
    {
        var ids = releaseIds.Distinct().ToList();
        if (ids.Count == 0)
            return;
        await RemoveAsync(ids, ct);
        var published = await db.Releases.AsNoTracking().AsSplitQuery()
            .Include(r => r.Versions)
            .Include(r => r.Categories)
            .Include(r => r.Office).ThenInclude(o => o.Names)
            .Where(r => ids.Contains(r.Id) && r.Status == ReleaseStatus.Published)
            .ToListAsync(ct);
        // Making a document (stems of the whole body) is most of the work: on every core at once, for a batch of releases.
        var documents = published.SelectMany(r => r.Versions.Select(v => (Release: r, Version: v))).AsParallel().AsOrdered()
            .Select(p => SearchDocument.From(p.Release, p.Version)).ToList();
        foreach (var document in documents)
            await AddAsync(document, ct);
    }

    public async Task UpdateOfficeAsync(int officeId, CancellationToken ct)
    {
        var ids = await db.Releases.Where(r => r.OfficeId == officeId && r.Status == ReleaseStatus.Published).Select(r => r.Id).ToListAsync(ct);
        foreach (var batch in ids.Chunk(Batch))
            await UpdateAsync(batch, ct);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, DateTime now, CancellationToken ct)
    {
        var skip = (request.Page - 1) * SearchRequest.PageSize;
        if (request.Page < 1 || skip >= SearchResults.Limit)
            skip = SearchResults.Limit;
        // The index filters, stops at the newest matches, ranks and pages itself: nothing here reads every
        // match of a common word, nor more rows than the page shows.
        var page = await PageAsync(request, skip, SearchRequest.PageSize, ct);
        // Past the last page: no rows, so ask again for the count alone (one row), for the reader's "results end on page N".
        var found = page.Count > 0 ? page[0].Found : skip == 0 ? 0 : (await PageAsync(request, 0, 1, ct)).FirstOrDefault()?.Found ?? 0;
        var more = found > SearchResults.Limit;
        var total = Math.Min(found, SearchResults.Limit);
        if (page.Count == 0)
            return new SearchResults(total, more, []);
        var ids = page.Select(m => m.VersionId).ToList();
        // The index holds only published releases; the page's rows are checked once more, as every public page does.
        // Asked of each row (EXISTS), not joined: with a join, SQLite's planner walks every published release
        // by its status and date instead of reading the page's rows by id.
        var visible = db.Releases.VisibleAt(now);
        // The ids as one parameter: the SQL stays the same whatever the page, so EF keeps it instead of writing it again.
        var loaded = await db.ReleaseVersions.Where(v => EF.Parameter(ids).Contains(v.Id) && visible.Any(r => r.Id == v.ReleaseId))
            .AsCards().ToDictionaryAsync(v => v.VersionId, ct);
        var shown = ids.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var marked = shown.Select(v => (Version: v, Title: MarkedText.Find(v.Title, request.Query), Summary: MarkedText.Find(v.Summary, request.Query))).ToList();
        // A body is read only for a row whose summary holds no match: it is most of the work of a result.
        var bodyIds = marked.Where(m => !m.Summary.HasMarks).Select(m => m.Version.VersionId).ToList();
        var bodies = bodyIds.Count == 0 ? [] : await db.ReleaseVersions.Where(v => bodyIds.Contains(v.Id)).Select(v => new { v.Id, v.Body }).ToDictionaryAsync(v => v.Id, v => v.Body, ct);
        return new SearchResults(total, more, [.. marked.Select(m => Present(m.Version, m.Title, m.Summary, bodies.GetValueOrDefault(m.Version.VersionId), request.Query))]);
    }

    public async Task<int> RebuildAsync(IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await ClearAsync(ct);
        var ids = await db.Releases.Where(r => r.Status == ReleaseStatus.Published).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        progress.Report(("Search", 0, ids.Count));
        for (var done = 0; done < ids.Count; done += Batch)
        {
            await UpdateAsync(ids.GetRange(done, Math.Min(Batch, ids.Count - done)), ct);
            progress.Report(("Search", Math.Min(ids.Count, done + Batch), ids.Count));
        }
        await CompactAsync(ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>The title marked; the snippet from the summary, else the body (given when the summary has no match), wherever the matches are.</summary>
    private static SearchResult Present(CardRow version, MarkedText title, MarkedText summary, string? body, SearchQuery query)
    {
        if (summary.HasMarks || body is null)
            return new SearchResult(version, title.WholeHtml(), summary.SnippetHtml(SnippetWords));
        var inBody = MarkedText.Find(MarkdownRenderer.ToPlainText(body), query);
        return new SearchResult(version, title.WholeHtml(), (inBody.HasMarks || version.Summary.Length == 0 ? inBody : summary).SnippetHtml(SnippetWords));
    }

    /// <summary>Removes every language version of these releases.</summary>
    protected abstract Task RemoveAsync(IReadOnlyList<int> releaseIds, CancellationToken ct);

    protected abstract Task AddAsync(SearchDocument document, CancellationToken ct);

    protected abstract Task ClearAsync(CancellationToken ct);

    public abstract Task CompactAsync(CancellationToken ct);

    public abstract Task<IReadOnlyList<int>> NewestMatchesAsync(SearchRequest request, CancellationToken ct);

    public abstract Task<IReadOnlyList<int>> IndexedVersionsAsync(CancellationToken ct);

    /// <summary>
    /// The rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the newest
    /// <see cref="SearchResults.Limit"/> matches of the request's query in its language that pass its filters,
    /// ranked as <see cref="Rank"/> says, newest first among equals; each row counts the matches up to
    /// one more than the limit. The database stops reading at the limit and sends only the page.
    /// </summary>
    protected abstract Task<List<IndexPageRow>> PageAsync(SearchRequest request, int skip, int take, CancellationToken ct);
}
