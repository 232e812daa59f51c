using Bayan.Offices;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Offices;

/// <summary>/admin/offices: the media offices; administrators only.</summary>
public sealed class IndexModel(OfficeQueries offices, CurrentActor current) : PageModel
{
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        Offices = await offices.AllAsync(ct);
        return Page();
    }
}
