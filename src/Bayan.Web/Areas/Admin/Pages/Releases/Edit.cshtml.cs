using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Releases;

/// <summary>
/// /admin/releases/{id}/{lang}: edits a language version. For a translation the original stands
/// beside it, with what changed in the original since the translation was last saved.
/// </summary>
public sealed class EditModel(EditingQueries releases, SiteQueries sites, CurrentActor current, SaveVersion save, AdminText text) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string Summary { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public int? BaseConcurrency { get; set; }

    /// <summary>The held edit this editor continues from (see <see cref="VersionEdit.HeldSeen"/>).</summary>
    [BindProperty] public string? HeldSeen { get; set; }

    /// <summary>After a conflict: per field, "theirs" or "yours".</summary>
    [BindProperty] public Dictionary<string, string> Take { get; set; } = [];

    public Release Release { get; private set; } = null!;
    public string Language { get; private set; } = "";
    public ReleaseVersion? Original { get; private set; }
    public bool IsTranslation => Language != Release.OriginalLanguage;
    public Revision? TranslatedFrom { get; private set; }
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public Outcome.Conflict? Conflict { get; private set; }
    public SiteClock Clock { get; private set; } = null!;

    /// <summary>Text saved earlier that waits for review: the editor continues from it.</summary>
    public HeldEdit? Held { get; private set; }

    /// <summary>Whether a save goes out at once or waits for an editor, by the office's rule.</summary>
    public bool WillHold { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string lang, CancellationToken ct)
    {
        if (await LoadAsync(id, lang, ct) is { } stop)
            return stop;
        var version = Release.Versions.FirstOrDefault(v => v.Language == lang);
        if (version is not null)
        {
            (Title, Slug, Summary, Body, BaseConcurrency) = (version.Title, version.Slug, version.Summary, version.Body, version.ConcurrencyVersion);
        }
        Held = await releases.HeldEditAsync(id, lang, ct);
        if (Held is not null)
            (Title, Slug, Summary, Body, HeldSeen) = (Held.Title, Held.Slug, Held.Summary, Held.Body, SaveVersion.HeldStamp(Held));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string lang, CancellationToken ct)
    {
        if (await LoadAsync(id, lang, ct) is { } stop)
            return stop;
        var outcome = await save.RunAsync(await current.GetAsync(ct),
            new VersionEdit(id, lang, Title ?? "", Slug, Summary ?? "", Body ?? "", BaseConcurrency, FieldConflicts.TheirsChosen(Take), HeldSeen), ct);
        switch (outcome)
        {
            case Outcome.Done done:
                return Redirect($"/admin/releases/{id}?done={done.Message.Key}");
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case Outcome.Conflict conflict:
                Conflict = conflict;
                // The next save is made knowingly over the newer text.
                BaseConcurrency = conflict.CurrentConcurrency;
                HeldSeen = conflict.HeldStamp ?? HeldSeen;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case Outcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, string lang, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var release = await releases.WithVersionsAsync(actor, id, ct, withOffice: true);
        if (release is null || !await sites.HasLanguageAsync(lang, ct))
            return NotFound();
        if (!actor.CanWrite(release, lang))
            return Forbid();
        Release = release;
        Language = lang;
        Clock = await sites.ClockAsync(text.Language, ct);
        WillHold = actor.MustHoldEdits(release);
        Original = release.Versions.FirstOrDefault(v => v.Language == release.OriginalLanguage);
        var version = release.Versions.FirstOrDefault(v => v.Language == lang);
        if (IsTranslation && version?.SourceRevisionId is { } source && source != Original?.CurrentRevisionId)
            TranslatedFrom = await releases.RevisionAsync(source, ct);
        return null;
    }
}
