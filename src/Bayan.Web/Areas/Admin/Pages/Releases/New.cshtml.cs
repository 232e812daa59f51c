using Bayan.Categories;
using Bayan.Offices;
using Bayan.Sites;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Releases;

public sealed record Choice(string Value, string Label);

/// <summary>/admin/releases/new: a release begins as a draft in its original language.</summary>
public sealed class NewModel(OfficeQueries officeQueries, SiteQueries sites, CategoryQueries categories, CurrentActor current, CreateRelease create) : PageModel
{
    [BindProperty] public int OfficeId { get; set; }
    [BindProperty] public ReleaseType Type { get; set; }
    [BindProperty] public string Language { get; set; } = "";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string Summary { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public List<int> CategoryIds { get; set; } = [];
    [BindProperty] public string Tags { get; set; } = "";

    public IReadOnlyList<Choice> Offices { get; private set; } = [];
    public IReadOnlyList<Choice> Languages { get; private set; } = [];
    public IReadOnlyList<Choice> Categories { get; private set; } = [];
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Offices.Count == 0)
            return Forbid();
        Language = Languages.FirstOrDefault()?.Value ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var outcome = await create.RunAsync(actor, new NewRelease(OfficeId, Type, Language, Title ?? "", Slug, Summary ?? "", Body ?? "",
            CategoryIds, Tags?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []), ct);
        switch (outcome)
        {
            case Outcome.Done done:
                return Redirect($"/admin/releases/{done.ReleaseId}?done=edit_created");
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                await LoadChoicesAsync(ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Forbid();
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var lang = User.FindFirst(BayanClaims.Language)?.Value ?? "en";
        var offices = await officeQueries.AllAsync(ct);
        Offices = [.. offices.Where(o => actor.CanEditOffice(o.Id)).Select(o => new Choice(o.Id.ToString(), o.NameIn(lang)))];
        Languages = [.. (await sites.LanguagesAsync(ct))
            .Select(l => new Choice(l.Code, Localization.Languages.Find(l.Code)?.NativeName ?? l.Code))];
        Categories = [.. (await categories.LabelsAsync(lang, ct)).Select(c => new Choice(c.Id.ToString(), c.Label))];
    }
}
