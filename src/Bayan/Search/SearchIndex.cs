using Bayan.Data;
using Bayan.Releases;
using Bayan.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// What both indexes do alike: which versions to hold (those of published releases: a scheduled,
/// embargoed or retracted release is not in the index), the window of newest matches, paging and
/// snippets for the page's rows only. Each database adds only its own SQL: how to write an entry,
/// how to match, filter and rank.
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
        foreach (var release in published)
        {
            foreach (var version in release.Versions)
                await AddAsync(SearchDocument.From(release, version), ct);
        }
    }

    public async Task UpdateOfficeAsync(int officeId, CancellationToken ct)
    {
        var ids = await db.Releases.Where(r => r.OfficeId == officeId && r.Status == ReleaseStatus.Published).Select(r => r.Id).ToListAsync(ct);
        foreach (var batch in ids.Chunk(Batch))
            await UpdateAsync(batch, ct);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, DateTime now, CancellationToken ct)
    {
        // The index filters and stops at the newest matches itself: nothing here reads every match of a common word.
        var newest = await NewestMatchesAsync(request, SearchResults.Limit + 1, ct);
        var more = newest.Count > SearchResults.Limit;
        var window = more ? newest.GetRange(0, SearchResults.Limit) : newest;
        var skip = (request.Page - 1) * SearchRequest.PageSize;
        if (window.Count == 0 || request.Page < 1 || skip >= window.Count)
            return new SearchResults(window.Count, more, []);
        // A stable sort: among equal ranks the newest stays first.
        var page = window.OrderByDescending(m => m.Rank).Skip(skip).Take(SearchRequest.PageSize).ToList();
        var ids = page.Select(m => m.VersionId).ToList();
        // The index holds only published releases; the page's rows are checked once more, as every public page does.
        var loaded = await db.ReleaseVersions.VisibleAt(now).Where(v => ids.Contains(v.Id)).WithListingData().ToDictionaryAsync(v => v.Id, ct);
        return new SearchResults(window.Count, more, [.. ids.Where(loaded.ContainsKey).Select(id => Present(loaded[id], request.Query))]);
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
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>The title marked; the snippet from the summary, else the body, wherever the matches are.</summary>
    /// <remarks>The body is read only when the summary has no match: reading it is most of the work of a result.</remarks>
    private static SearchResult Present(ReleaseVersion version, SearchQuery query)
    {
        var title = MarkedText.Find(version.Title, query).WholeHtml();
        var summary = MarkedText.Find(version.Summary, query);
        if (summary.HasMarks)
            return new SearchResult(version, title, summary.SnippetHtml(SnippetWords));
        var body = MarkedText.Find(MarkdownRenderer.ToPlainText(version.Body), query);
        return new SearchResult(version, title, (body.HasMarks || version.Summary.Length == 0 ? body : summary).SnippetHtml(SnippetWords));
    }

    /// <summary>Removes every language version of these releases.</summary>
    protected abstract Task RemoveAsync(IReadOnlyList<int> releaseIds, CancellationToken ct);

    protected abstract Task AddAsync(SearchDocument document, CancellationToken ct);

    protected abstract Task ClearAsync(CancellationToken ct);

    /// <summary>
    /// The matches of the request's query in its language that pass its filters, newest first, at most
    /// <paramref name="limit"/>: the database stops reading at the limit, and ranks only what it returns.
    /// </summary>
    protected abstract Task<List<IndexMatch>> NewestMatchesAsync(SearchRequest request, int limit, CancellationToken ct);
}
