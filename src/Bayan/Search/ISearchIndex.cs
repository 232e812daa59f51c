using Bayan.Releases;

namespace Bayan.Search;

/// <summary>
/// Full-text search over published releases, one entry per language version. Two implementations,
/// SQLite FTS5 and PostgreSQL full-text, fed the same text by <see cref="SearchText"/>, so both
/// find the same releases. Whatever changes what the public may read updates the index in the same
/// transaction: publishing (also by the scheduler), saving a published release, correcting, retracting.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Makes the index hold these releases as they are now: their language versions while published, nothing otherwise.</summary>
    Task UpdateAsync(IReadOnlyCollection<int> releaseIds, CancellationToken ct);

    /// <summary>Updates every published release of an office, e.g. after its names changed.</summary>
    Task UpdateOfficeAsync(int officeId, CancellationToken ct);

    /// <summary>
    /// One page of the language versions a reader may see at <paramref name="now"/> that match: of the
    /// newest <see cref="SearchResults.Limit"/> matches, the best first, newest first among equals.
    /// Only the page's rows are read, and a body only where the summary holds no match.
    /// </summary>
    Task<SearchResults> SearchAsync(SearchRequest request, DateTime now, CancellationToken ct);

    /// <summary>
    /// The ids of the newest <see cref="SearchResults.Limit"/> language versions that match, newest first,
    /// unranked: for lists that keep an order of their own (the API's, paged by a cursor). The index
    /// holds only published releases; the caller still reads them through what is visible now.
    /// </summary>
    Task<IReadOnlyList<int>> NewestMatchesAsync(SearchRequest request, CancellationToken ct);

    /// <summary>The ids of every language version the index holds, in no order: for `bayan check`, which compares them with the published ones.</summary>
    Task<IReadOnlyList<int>> IndexedVersionsAsync(CancellationToken ct);

    /// <summary>Empties the index and fills it again from every published release, in one transaction, and compacts it; returns how many releases.</summary>
    Task<int> RebuildAsync(IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct);

    /// <summary>
    /// Compacts the index after many releases were added at once (a rebuild, generated releases), so a
    /// search reads one structure instead of one per batch; writes as they come need none.
    /// </summary>
    Task CompactAsync(CancellationToken ct);
}

/// <summary>A query in one language with its filters; <see cref="ToUtc"/> is exclusive.</summary>
public sealed record SearchRequest(SearchQuery Query, string Language, int Page = 1)
{
    public const int PageSize = 20;

    public int? OfficeId { get; init; }
    public IReadOnlyList<int>? CategoryIds { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
}

/// <summary>A found language version with its title and a snippet as safe HTML, matches in &lt;mark&gt;.</summary>
public sealed record SearchResult(CardRow Version, string TitleHtml, string SnippetHtml);

/// <summary>
/// How many versions match, counted up to <see cref="Limit"/> (<see cref="More"/> when there are more),
/// and the requested page of them (empty past the last page).
/// </summary>
/// <remarks>
/// Counting and ranking every match of a common word costs a search as much as reading the whole
/// index; no reader pages through more than a thousand results, so a search ranks the newest
/// thousand matches and says there are more, and the reader narrows it with words or filters.
/// </remarks>
public sealed record SearchResults(int Total, bool More, IReadOnlyList<SearchResult> Items)
{
    public const int Limit = 1000;
}
