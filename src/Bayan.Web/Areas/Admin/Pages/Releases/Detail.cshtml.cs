using Bayan.Operations;
using System.Globalization;
using Bayan.Accounts;
using Bayan.Categories;
using Bayan.Dates;
using Bayan.Editing;
using Bayan.Embargo;
using Bayan.Media;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Web.Admin;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Bayan.Sites;

namespace Bayan.Web.Areas.Admin.Pages.Releases;

/// <summary>/admin/releases/{id}: a release's versions and its workflow.</summary>
public sealed class DetailModel(
    EditingQueries releases, CategoryQueries categories, MediaQueries mediaQueries,
    CurrentActor current, SiteReader sites, ReleaseWorkflow workflow, PublishRelease publish, EmbargoLinks embargo, SetReleaseMedia media,
    UpdateReleaseDetails details, ReviewHeldEdits review)
    : PageModel
{
    public IReadOnlyList<Choice> Categories { get; private set; } = [];

    public IReadOnlyList<MediaItem> Library { get; private set; } = [];

    public IReadOnlyList<EmbargoLink> Links { get; private set; } = [];

    /// <summary>Text saved for the published release that waits for an editor.</summary>
    public IReadOnlyList<HeldEdit> Held { get; private set; } = [];

    /// <summary>Shown once, right after it is made: only its hash is stored.</summary>
    public string? NewLink { get; private set; }

    public Release Release { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<string> SiteLanguages { get; private set; } = [];
    public string Zone { get; private set; } = "UTC";
    public ZonedTimes Times { get; private set; } = null!;
    public Problem? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, actor => workflow.SubmitForReviewAsync(actor, id, ct), ct);

    public Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct) =>
        ActAsync(id, actor => workflow.ReturnToDraftAsync(actor, id, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, actor => publish.RunAsync(actor, id, ct), ct);

    public Task<IActionResult> OnPostPublishHeldAsync(int id, int heldId, CancellationToken ct) =>
        ActAsync(id, actor => review.PublishAsync(actor, heldId, ct), ct);

    public Task<IActionResult> OnPostDiscardHeldAsync(int id, int heldId, CancellationToken ct) =>
        ActAsync(id, actor => review.DiscardAsync(actor, heldId, ct), ct);

    /// <summary>A note per language version, as <c>notes[ar]</c>, <c>notes[en]</c>.</summary>
    public Task<IActionResult> OnPostCorrectAsync(int id, Dictionary<string, string?> notes, CancellationToken ct)
    {
        Posted = ("Correct", notes ?? []);
        return ActAsync(id, actor => workflow.CorrectAsync(actor, id, notes ?? [], ct), ct);
    }

    /// <summary>The reason per language version, and the tick that confirms it: a retraction cannot be undone.</summary>
    public Task<IActionResult> OnPostRetractAsync(int id, Dictionary<string, string?> notes, bool confirmed, CancellationToken ct)
    {
        Posted = ("Retract", notes ?? []);
        return ActAsync(id, actor => workflow.RetractAsync(actor, id, notes ?? [], confirmed, ct), ct);
    }

    /// <summary>Notes as sent with a refused correction or retraction: the form comes back with them, not empty.</summary>
    public (string Handler, IReadOnlyDictionary<string, string?> Notes)? Posted { get; private set; }

    /// <summary>A note field's text: as sent when that form was refused, else <paramref name="stored"/>.</summary>
    public string? NoteText(string handler, string language, string? stored) =>
        Posted is { } posted && posted.Handler == handler ? posted.Notes.GetValueOrDefault(language) : stored;

    /// <summary>
    /// The time is entered in the site's zone, as the newsroom reads clocks. The form carries the time the
    /// editor saw (seenAt: UTC, or "none"), so a time someone else set since is a conflict; after one,
    /// take[publish_at] says which side to keep.
    /// </summary>
    public async Task<IActionResult> OnPostScheduleAsync(int id, string at, string? seenAt, Dictionary<string, string> take, CancellationToken ct)
    {
        var zone = (await sites.LoadAsync(ct))!.Zone;
        if (!DateTime.TryParseExact(at, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return await FailAsync(id, new Problem("schedule_time_invalid"), ct);
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var takeTheirs = FieldConflicts.TheirsChosen(take).Contains(PublishAtField);
        var outcome = await workflow.ScheduleAsync(await current.GetAsync(ct), id, utc, ct, SeenFrom(seenAt), takeTheirs);
        if (outcome is not Outcome.ScheduleConflict conflict)
            return await ActAsync(id, _ => Task.FromResult(outcome), ct);
        if (!await LoadAsync(id, ct))
            return NotFound();
        ScheduleConflict = conflict;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private const string PublishAtField = "publish_at";
    private const string NotScheduled = "none";

    /// <summary>The seen time as the form carries it: UTC to the second, or "none".</summary>
    public static string SeenValue(DateTime? utc) =>
        utc is { } t ? t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : NotScheduled;

    private static SeenPublishAt? SeenFrom(string? seenAt) =>
        seenAt == NotScheduled ? new SeenPublishAt(null)
        : DateTime.TryParse(seenAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var seen) ? new SeenPublishAt(seen)
        : null;

    public Outcome.ScheduleConflict? ScheduleConflict { get; private set; }

    /// <summary>The publication time, theirs against yours, each written as the site's clock reads it in the reader's language.</summary>
    public IReadOnlyList<FieldConflict> ScheduleConflictFields()
    {
        var language = User.FindFirst(BayanClaims.Language)?.Value ?? "en";
        var theirs = ScheduleConflict!.Theirs is { } at ? Times.Format(at, language) : Bayan.Localization.Messages.Format(language, "conflict_not_scheduled");
        return FieldConflicts.Differing((PublishAtField, theirs, Times.Format(ScheduleConflict.Yours, language)));
    }

    /// <summary>The schedule form's time: yours after a conflict, else the stored one, in the site's zone.</summary>
    public string ScheduleInputValue() =>
        (ScheduleConflict?.Yours ?? Release.PublishAt) is { } utc
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DateFormatter.FindZone(Zone)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
            : "";

    public async Task<IActionResult> OnPostCreateLinkAsync(int id, string label, CancellationToken ct)
    {
        var (link, outcome) = await embargo.CreateAsync(await current.GetAsync(ct), id, label, ct);
        if (link is null)
        {
            return outcome switch
            {
                Outcome.Invalid invalid => await FailAsync(id, invalid.Errors.Values.First(), ct),
                Outcome.NotFound => NotFound(),
                _ => Forbid(),
            };
        }
        await LoadAsync(id, ct);
        NewLink = Bayan.Sites.SiteUrls.Absolute(PublicSite.RequestOrigin.Of(Request), link.Path);
        return Page();
    }

    /// <summary>
    /// The form carries what the editor saw (seen...), so a filing someone else saved since is a
    /// conflict; after one, take[field] says which side to keep.
    /// </summary>
    public async Task<IActionResult> OnPostDetailsAsync(
        int id, ReleaseType type, List<int> categoryIds, string? tags,
        ReleaseType? seenType, List<int> seenCategoryIds, string? seenTags, Dictionary<string, string> take, CancellationToken ct)
    {
        var seen = seenType is { } shown ? new ReleaseDetails(shown, seenCategoryIds ?? [], TagList(seenTags)) : null;
        var outcome = await details.RunAsync(await current.GetAsync(ct), id, type, categoryIds ?? [], TagList(tags), ct,
            seen, FieldConflicts.TheirsChosen(take));
        if (outcome is not Outcome.DetailsConflict conflict)
            return await ActAsync(id, _ => Task.FromResult(outcome), ct);
        if (!await LoadAsync(id, ct))
            return NotFound();
        DetailsConflict = conflict;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private static string[] TagList(string? tags) =>
        tags?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>What the release is filed under as stored.</summary>
    public ReleaseDetails StoredDetails =>
        new(Release.Type, [.. Release.Categories.Select(c => c.Id)], [.. Release.Tags.Select(t => t.NameFor(Release.OriginalLanguage))]);

    public Outcome.DetailsConflict? DetailsConflict { get; private set; }

    /// <summary>The conflict's differing fields as the reader names them: type labels and category names in their language.</summary>
    public IReadOnlyList<FieldConflict> DetailsConflictFields()
    {
        var (theirs, yours) = (DetailsConflict!.Theirs, DetailsConflict.Yours);
        var language = User.FindFirst(BayanClaims.Language)?.Value ?? "en";
        string Names(IEnumerable<int> ids) =>
            FieldConflicts.Items(ids.Select(i => Categories.FirstOrDefault(c => c.Value == i.ToString())?.Label ?? i.ToString()));
        return FieldConflicts.Differing(
            ("type", ReleaseCard.TypeLabel(theirs.Type, language), ReleaseCard.TypeLabel(yours.Type, language)),
            ("categories", Names(theirs.CategoryIds), Names(yours.CategoryIds)),
            ("tags", FieldConflicts.Items(theirs.TagNames), FieldConflicts.Items(yours.TagNames)));
    }

    public Task<IActionResult> OnPostCommentsAsync(int id, bool closed, CancellationToken ct) =>
        ActAsync(id, actor => workflow.SetCommentsClosedAsync(actor, id, closed, ct), ct);

    public Task<IActionResult> OnPostMediaAsync(int id, Guid? featured, List<Guid> attachments, CancellationToken ct) =>
        ActAsync(id, actor => media.RunAsync(actor, id, featured, attachments ?? [], ct), ct);

    public Task<IActionResult> OnPostRevokeLinkAsync(int id, int linkId, CancellationToken ct) =>
        ActAsync(id, actor => embargo.RevokeAsync(actor, linkId, ct), ct);

    /// <summary>The original first, then the translations in the site's order of languages.</summary>
    public IEnumerable<ReleaseVersion> VersionsInOrder() =>
        Release.Versions.OrderBy(v => v.Language == Release.OriginalLanguage ? -1 : SiteLanguages.ToList().IndexOf(v.Language));

    public string PublicUrl(ReleaseVersion version) => SiteUrls.Release(version.Language, Release.Office.Code, Release.Id, version.Slug);

    public bool Outdated(ReleaseVersion version) =>
        IndexModel.Outdated(version, Release.Versions.FirstOrDefault(v => v.Language == Release.OriginalLanguage));

    public string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, DateFormatter.FindZone(Zone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(int id, Func<Actor, Task<Outcome>> step, CancellationToken ct)
    {
        var outcome = await step(await current.GetAsync(ct));
        return outcome switch
        {
            Outcome.Done done => Redirect($"/admin/releases/{id}?done={done.Message.Key}"),
            Outcome.NotFound => NotFound(),
            Outcome.Invalid invalid => await FailAsync(id, invalid.Errors.Values.First(), ct),
            _ => Forbid(),
        };
    }

    private async Task<IActionResult> FailAsync(int id, Problem problem, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Error = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Actor = await current.GetAsync(ct);
        var release = await releases.ReleaseAsync(Actor, id, ct);
        if (release is null)
            return false;
        Release = release;
        // The back office opens only once the site is set up, so there is always a snapshot.
        var site = (await sites.LoadAsync(ct))!;
        SiteLanguages = [.. site.Languages.Select(l => l.Code)];
        Zone = site.Site.TimeZone;
        Times = site.Times;
        var lang = User.FindFirst(BayanClaims.Language)?.Value ?? "en";
        Categories = [.. (await categories.LabelsAsync(lang, ct)).Select(c => new Choice(c.Id.ToString(), c.Label))];
        // The newest uploads, and whatever the release already uses.
        Library = await mediaQueries.ChoicesForAsync([.. release.Attachments.Select(a => a.MediaId)], release.FeaturedImage, ct);
        Links = await embargo.OfReleaseAsync(id, ct);
        Held = await releases.HeldEditsAsync(id, ct);
        return true;
    }
}
