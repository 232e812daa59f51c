using Bayan.Accounts;
using Bayan.Sites;
using Bayan.Operations;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Manage;

/// <summary>What the administrators' management pages share: the check, the site's languages, and turning an outcome into an answer.</summary>
public abstract class ManagePage(SiteQueries sites, CurrentActor current) : PageModel
{
    public IReadOnlyList<string> SiteLanguages { get; private set; } = [];
    public IReadOnlyDictionary<string, Problem> Errors { get; protected set; } = new Dictionary<string, Problem>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        await PrepareAsync(ct);
        return Page();
    }

    protected abstract Task LoadAsync(CancellationToken ct);

    protected async Task<IActionResult> ActAsync(Func<Actor, Task<Outcome>> act, CancellationToken ct)
    {
        var outcome = await act(await current.GetAsync(ct));
        switch (outcome)
        {
            case Outcome.Done:
                return Redirect($"{Request.Path}?saved=1");
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                await PrepareAsync(ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case Outcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        SiteLanguages = await sites.LanguageCodesAsync(ct);
        await LoadAsync(ct);
    }
}
