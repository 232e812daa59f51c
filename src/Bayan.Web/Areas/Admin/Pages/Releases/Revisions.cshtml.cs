using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Revisions;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Releases;

/// <summary>/admin/releases/{id}/{lang}/revisions: every save, a diff of any two, and restoring one.</summary>
public sealed class RevisionsModel(EditingQueries releases, CurrentActor current, RestoreRevision restore) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? A { get; set; }
    [BindProperty(SupportsGet = true)] public int? B { get; set; }

    public Release Release { get; private set; } = null!;
    public string Language { get; private set; } = "";
    public IReadOnlyList<Revision> Items { get; private set; } = [];
    public string? DiffHtml { get; private set; }
    public bool CanRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string lang, CancellationToken ct)
    {
        if (await LoadAsync(id, lang, ct) is { } stop)
            return stop;
        if (A is { } a && B is { } b)
        {
            var older = Items.FirstOrDefault(r => r.Number == a);
            var newer = Items.FirstOrDefault(r => r.Number == b);
            if (older is null || newer is null)
                return NotFound();
            DiffHtml = TextDiff.ToHtml(TextDiff.Lines(Text(older), Text(newer)));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, string lang, int number, CancellationToken ct)
    {
        var outcome = await restore.RunAsync(await current.GetAsync(ct), id, lang, number, ct);
        return outcome switch
        {
            Outcome.Done done => Redirect($"/admin/releases/{id}/{lang}/revisions?done={done.Message.Key}"),
            Outcome.NotFound => NotFound(),
            Outcome.Invalid or Outcome.Conflict => Redirect($"/admin/releases/{id}/{lang}/revisions?done=restore_failed"),
            _ => Forbid(),
        };
    }

    private static string Text(Revision revision) => $"{revision.Title}\n\n{revision.Summary}\n\n{revision.Body}";

    private async Task<IActionResult?> LoadAsync(int id, string lang, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var release = await releases.WithVersionsAsync(actor, id, ct);
        var version = release?.Versions.FirstOrDefault(v => v.Language == lang);
        if (release is null || version is null)
            return NotFound();
        Release = release;
        Language = lang;
        CanRestore = actor.CanWrite(release, lang);
        Items = await releases.RevisionsAsync(version.Id, ct);
        return null;
    }
}
