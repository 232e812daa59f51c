using Bayan.Data;
using Bayan.Releases;
using Bayan.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Search;

/// <summary>
/// What both indexes do alike: which versions to hold, visibility and filters (in LINQ, on the same
/// queries as every public page), paging and snippets. Each database adds only its own SQL: how to
/// write an entry, how to match and rank, how to mark the matching words.
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
        var versionIds = await db.ReleaseVersions.Where(v => ids.Contains(v.ReleaseId)).Select(v => v.Id).ToListAsync(ct);
        if (versionIds.Count > 0)
            await RemoveAsync(versionIds, ct);
        var published = await db.Releases.AsNoTracking().AsSplitQuery()
            .Include(r => r.Versions)
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
        // Visibility comes from the same query as every public listing: an index entry alone shows nothing.
        var versions = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == request.Language);
        if (request.OfficeId is { } office)
            versions = versions.Where(v => v.Release.OfficeId == office);
        if (request.CategoryIds is { } categories)
            versions = versions.Where(v => v.Release.Categories.Any(c => categories.Contains(c.Id)));
        if (request.FromUtc is { } from)
            versions = versions.Where(v => v.Release.PublishAt >= from);
        if (request.ToUtc is { } to)
            versions = versions.Where(v => v.Release.PublishAt < to);
        var hits = Matches(request.Query).Join(versions, m => m.VersionId, v => v.Id, (m, v) => new { m.Rank, v.Id, v.Release.PublishAt });

        var total = await hits.CountAsync(ct);
        var skip = (request.Page - 1) * SearchRequest.PageSize;
        if (total == 0 || request.Page < 1 || skip >= total)
            return new SearchResults(total, []);
        var page = await hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.PublishAt).ThenByDescending(h => h.Id)
            .Skip(skip).Take(SearchRequest.PageSize).Select(h => h.Id).ToListAsync(ct);
        var loaded = await db.ReleaseVersions.Where(v => page.Contains(v.Id)).WithListingData().ToDictionaryAsync(v => v.Id, ct);
        var marks = (await MarksAsync(request.Query, page, ct)).ToDictionary(m => m.VersionId);
        return new SearchResults(total, [.. page.Where(loaded.ContainsKey).Select(id => Present(loaded[id], marks.GetValueOrDefault(id)))]);
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
    private static SearchResult Present(ReleaseVersion version, IndexMarks? marks)
    {
        var body = MarkdownRenderer.ToPlainText(version.Body);
        var title = (marks is null ? null : MarkedText.Read(version.Title, marks.Title)) ?? MarkedText.Unmarked(version.Title);
        var summary = marks is null ? null : MarkedText.Read(version.Summary, marks.Summary);
        var inBody = marks is null ? null : MarkedText.Read(body, marks.Body);
        var snippet = summary is { HasMarks: true } ? summary
            : inBody is { HasMarks: true } ? inBody
            : MarkedText.Unmarked(version.Summary.Length > 0 ? version.Summary : body);
        return new SearchResult(version, title.WholeHtml(), snippet.SnippetHtml(SnippetWords));
    }

    protected abstract Task RemoveAsync(IReadOnlyList<int> versionIds, CancellationToken ct);

    protected abstract Task AddAsync(SearchDocument document, CancellationToken ct);

    protected abstract Task ClearAsync(CancellationToken ct);

    /// <summary>Composable: the caller joins it with the versions a reader may see.</summary>
    protected abstract IQueryable<IndexMatch> Matches(SearchQuery query);

    protected abstract Task<List<IndexMarks>> MarksAsync(SearchQuery query, IReadOnlyList<int> versionIds, CancellationToken ct);
}
