using Bayan.Audit;
using Bayan.Data;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/audit: every change, newest first, filtered by who, what and subject; administrators only.</summary>
public sealed class AuditModel(BayanDb db, CurrentActor current) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
            query = query.Where(a => a.Actor.Contains(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(Action))
            query = query.Where(a => a.Action.StartsWith(Action.Trim()));
        if (!string.IsNullOrWhiteSpace(Subject))
            query = query.Where(a => a.Subject == Subject.Trim());
        P = Math.Clamp(P, 1, 100_000);
        var page = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((P - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = page.Count > PageSize;
        Entries = [.. page.Take(PageSize)];
        return Page();
    }

    public string PageUrl(int page) =>
        $"/admin/audit?actor={Uri.EscapeDataString(Actor ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&subject={Uri.EscapeDataString(Subject ?? "")}&p={page}";
}
