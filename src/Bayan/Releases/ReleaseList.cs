using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Bayan.Data;
using Bayan.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Releases;

/// <summary>What a list of releases is narrowed to; each part is optional, and all given must hold.</summary>
public sealed record ReleaseFilter
{
    /// <summary>Releases written in this language, each shown in it; without it, every release in its original language.</summary>
    public string? Language { get; init; }

    public int? OfficeId { get; init; }

    /// <summary>Any of these categories: a category with its subcategories.</summary>
    public IReadOnlyList<int>? CategoryIds { get; init; }

    public int? TagId { get; init; }

    /// <summary>Published at or after this instant.</summary>
    public DateTime? SinceUtc { get; init; }

    /// <summary>Published before this instant.</summary>
    public DateTime? UntilUtc { get; init; }

    /// <summary>Words to find, as the site's search finds them; only with a <see cref="Language"/>.</summary>
    public SearchQuery? Words { get; init; }
}

/// <summary>
/// Where a page of a list ended: the publication time and id of its last release. The next page is
/// what comes after it in the list's order (newest first, then highest id), so a release published
/// meanwhile appears at the top and moves no release from one page to another.
/// </summary>
public readonly record struct ReleaseCursor(DateTime PublishAt, int ReleaseId)
{
    // Written as text behind a version mark and base64url: opaque to clients, cheap to check.
    private const string Mark = "r1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Mark}.{PublishAt.Ticks}.{ReleaseId}")));

    /// <summary>False for anything <see cref="Encode"/> did not write (a cursor made up, cut short, or of another list's kind).</summary>
    public static bool TryDecode(string text, out ReleaseCursor cursor)
    {
        cursor = default;
        if (text.Length is 0 or > 64 || !Base64Url.IsValid(text))
            return false;
        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        if (parts is not [Mark, var ticksText, var idText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
            return false;
        cursor = new ReleaseCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

/// <summary>One page of a release list, and where the next begins (null on the last page).</summary>
public sealed record ReleaseListPage(IReadOnlyList<CardRow> Items, ReleaseCursor? Next);

/// <summary>
/// The releases a reader may see now, narrowed by a <see cref="ReleaseFilter"/>, newest first and a page
/// at a time after a <see cref="ReleaseCursor"/>: one row per release, its version in the language asked
/// (or its original). Never a draft, a release in review, a scheduled (embargoed) or a retracted one.
/// </summary>
public sealed class ReleaseListQuery(BayanDb db, TimeProvider clock, IServiceProvider services)
{
    public const int MostPerPage = 100;

    public async Task<ReleaseListPage> RunAsync(ReleaseFilter filter, ReleaseCursor? after, int take, CancellationToken ct)
    {
        take = Math.Clamp(take, 1, MostPerPage);
        var now = clock.GetUtcNow().UtcDateTime;
        // One more than the page, to know whether another follows.
        var rows = filter is { CategoryIds: null or { Count: 0 }, Words: null }
            ? await CompiledListQuery.RunAsync(db, now, filter, after, take + 1, ct)
            : await FilteredAsync(filter, after, now, take + 1, ct);
        if (rows.Count <= take)
            return new ReleaseListPage(rows, null);
        var last = rows[take - 1];
        rows.RemoveAt(take);
        return new ReleaseListPage(rows, new ReleaseCursor(last.Date, last.ReleaseId));
    }

    /// <summary>By categories or words: the query is built for each request, as the lists vary.</summary>
    private async Task<List<CardRow>> FilteredAsync(ReleaseFilter filter, ReleaseCursor? after, DateTime now, int take, CancellationToken ct)
    {
        var versions = db.ReleaseVersions.VisibleAt(now);
        versions = filter.Language is { } language
            ? versions.Where(v => v.Language == language)
            : versions.Where(v => v.Language == v.Release.OriginalLanguage);
        if (filter.OfficeId is { } office)
            versions = versions.Where(v => v.Release.OfficeId == office);
        if (filter.CategoryIds is { Count: > 0 } categories)
            versions = versions.Where(v => v.Release.Categories.Any(c => categories.Contains(c.Id)));
        if (filter.TagId is { } tag)
            versions = versions.Where(v => v.Release.Tags.Any(t => t.Id == tag));
        if (filter.SinceUtc is { } since)
            versions = versions.Where(v => v.Release.PublishAt >= since);
        if (filter.UntilUtc is { } until)
            versions = versions.Where(v => v.Release.PublishAt < until);
        if (filter.Words is { } words)
        {
            // Asked for only here: most lists have no words, and finding the index costs a look at the provider.
            var search = services.GetRequiredService<ISearchIndex>();
            var found = await search.NewestMatchesAsync(new SearchRequest(words, filter.Language ?? throw new ArgumentException("Words need a language.", nameof(filter)))
            {
                OfficeId = filter.OfficeId,
                CategoryIds = filter.CategoryIds,
                // The index dates by the minute: it is asked a little more widely, and the exact bounds are kept above.
                FromUtc = filter.SinceUtc?.AddMinutes(-1),
                ToUtc = filter.UntilUtc?.AddMinutes(1),
            }, ct);
            versions = versions.Where(v => found.Contains(v.Id));
        }
        if (after is { } cursor)
        {
            var (at, id) = (cursor.PublishAt, cursor.ReleaseId);
            versions = versions.Where(v => v.Release.PublishAt < at || (v.Release.PublishAt == at && v.ReleaseId < id));
        }
        return await versions.NewestFirst().Take(take).AsCards().ToListAsync(ct);
    }
}
