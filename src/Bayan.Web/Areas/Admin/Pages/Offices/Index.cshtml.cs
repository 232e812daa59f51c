using Bayan.Data;
using Bayan.Offices;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Areas.Admin.Pages.Offices;

/// <summary>/admin/offices: the media offices; administrators only.</summary>
public sealed class IndexModel(BayanDb db, CurrentActor current) : PageModel
{
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        Offices = await db.Offices.AsNoTracking().Include(o => o.Names).OrderBy(o => o.Position).ThenBy(o => o.Code).ToListAsync(ct);
        return Page();
    }
}
