using Bayan.Importing.Jobs;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Import;

/// <summary>/admin/import/{id}: how far an import got, then its report; its script keeps it up to date. Administrators only.</summary>
public sealed class JobModel(CurrentActor current, AdminText text, ImportJobQueries jobs, SiteQueries sites) : PageModel
{
    public ImportJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        if (await jobs.FindAsync(id, ct) is not { } job)
            return NotFound();
        Job = ImportJobView.From(job, text, await sites.ClockAsync(text.Language, ct));
        return Page();
    }
}
