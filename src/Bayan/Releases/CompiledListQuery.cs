using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Releases;

/// <summary>
/// <see cref="ReleaseListQuery"/> for every list but those by categories or words (the API's pages as
/// clients read them most): one query compiled once, so EF neither walks the expression nor looks it up
/// in its cache on each request. A filter left null drops its condition from the SQL: EF writes the SQL
/// once for each pattern of nulls it meets.
/// </summary>
internal static class CompiledListQuery
{
    // The conditions are those of ReleaseQueries.VisibleAt and NewestFirst and of ReleaseListQuery's
    // filters, written out: a compiled query cannot call them (tests/Bayan.Tests/Api keeps them alike).
    private static readonly Func<BayanDb, DateTime, string?, int?, int?, DateTime?, DateTime?, DateTime?, int, int, IAsyncEnumerable<CardRow>> Query =
        EF.CompileAsyncQuery((BayanDb db, DateTime now, string? language, int? office, int? tag, DateTime? since, DateTime? until,
            DateTime? afterAt, int afterId, int take) =>
            db.ReleaseVersions
                .Where(v => v.Release.Status == ReleaseStatus.Published && v.Release.PublishAt <= now)
                .Where(v => (language == null && v.Language == v.Release.OriginalLanguage) || (language != null && v.Language == language))
                .Where(v => office == null || v.Release.OfficeId == office)
                .Where(v => tag == null || v.Release.Tags.Any(t => t.Id == tag))
                .Where(v => since == null || v.Release.PublishAt >= since)
                .Where(v => until == null || v.Release.PublishAt < until)
                .Where(v => afterAt == null || v.Release.PublishAt < afterAt || (v.Release.PublishAt == afterAt && v.Release.Id < afterId))
                // By the release's own id (the same as the version's ReleaseId): SQLite then reads the releases in the
                // order of their index on (Status, PublishAt), which ends in the id, and stops at the page's end
                // rather than sorting each run of equal times.
                .OrderByDescending(v => v.Release.PublishAt).ThenByDescending(v => v.Release.Id)
                .Take(take)
                .Select(v => new CardRow
                {
                    VersionId = v.Id,
                    ReleaseId = v.ReleaseId,
                    OfficeId = v.Release.OfficeId,
                    Language = v.Language,
                    Title = v.Title,
                    Slug = v.Slug,
                    Summary = v.Summary,
                    IsOriginal = v.Language == v.Release.OriginalLanguage,
                    Date = v.Release.PublishAt ?? v.Release.CreatedAt,
                    ReferenceNumber = v.Release.ReferenceNumber,
                    Type = v.Release.Type,
                }));

    public static async Task<List<CardRow>> RunAsync(BayanDb db, DateTime now, ReleaseFilter filter, ReleaseCursor? after, int take, CancellationToken ct)
    {
        var rows = new List<CardRow>(take);
        await foreach (var row in Query(db, now, filter.Language, filter.OfficeId, filter.TagId, filter.SinceUtc, filter.UntilUtc,
            after?.PublishAt, after?.ReleaseId ?? 0, take).WithCancellation(ct))
            rows.Add(row);
        return rows;
    }
}
