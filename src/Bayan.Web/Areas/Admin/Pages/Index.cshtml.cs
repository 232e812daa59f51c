using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Dates;
using Bayan.Releases;
using Bayan.Web.Admin;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Bayan.Sites;

namespace Bayan.Web.Areas.Admin.Pages;

public sealed record VersionBadge(string Language, bool Original, bool Outdated);

public sealed record ReleaseRow(int Id, string Title, string Office, ReleaseStatus Status, string? Number, DateTime UpdatedAt, IReadOnlyList<VersionBadge> Versions, DateTime? PublishAt = null);

/// <summary>/admin: the releases this person may act on, newest change first, with outdated translations marked.</summary>
public sealed class IndexModel(EditingQueries releaseQueries, CurrentActor current, SiteReader sites) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public ReleaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public IReadOnlyList<ReleaseRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public ZonedTimes Times { get; private set; } = null!;

    /// <summary>Editors and writers start releases; translators and moderators do not see the button.</summary>
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        CanCreate = actor.IsEditor;
        var language = User.FindFirst(BayanClaims.Language)?.Value ?? "en";
        P = Math.Max(1, P);
        var releases = await releaseQueries.ReleasesAsync(actor, Status, P, PageSize, ct);
        HasMore = releases.Count > PageSize;
        Rows = [.. releases.Take(PageSize).Select(r => ToRow(r, language))];
        Times = (await sites.LoadAsync(ct))!.Times;
    }

    internal static ReleaseRow ToRow(Release release, string language)
    {
        var original = release.Versions.FirstOrDefault(v => v.Language == release.OriginalLanguage);
        return new ReleaseRow(
            release.Id,
            original?.Title ?? "",
            release.Office.NameIn(language),
            release.Status,
            release.ReferenceNumber,
            release.UpdatedAt,
            [.. release.Versions.OrderBy(v => v.Language != release.OriginalLanguage).ThenBy(v => v.Language)
                .Select(v => new VersionBadge(v.Language, v.Language == release.OriginalLanguage, Outdated(v, original)))],
            release.Status == ReleaseStatus.Scheduled ? release.PublishAt : null);
    }

    /// <summary>A translation is outdated when the original has been saved since the revision it was translated from.</summary>
    internal static bool Outdated(ReleaseVersion version, ReleaseVersion? original) =>
        original is not null && version != original && version.SourceRevisionId != original.CurrentRevisionId;
}
