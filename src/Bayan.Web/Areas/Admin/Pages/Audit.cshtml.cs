using Bayan.Audit;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>
/// /admin/audit: every change, newest first, filtered by who, what and subject; administrators only.
/// Actions are named in the reader's language; a filter by code prefix ("release.") still works from an address.
/// </summary>
public sealed class AuditModel(AuditQueries audit, SiteQueries sites, CurrentActor current, AdminText text) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }

    /// <summary>Times are shown on the site's clock, named in the reader's language.</summary>
    public SiteClock Clock { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        P = Math.Clamp(P, 1, 100_000);
        var page = await audit.PageAsync(new AuditFilter(Actor, Action, Subject), P, PageSize, ct);
        HasMore = page.Count > PageSize;
        Entries = [.. page.Take(PageSize)];
        Clock = await sites.ClockAsync(text.Language, ct);
        return Page();
    }

    public string PageUrl(int page) =>
        $"/admin/audit?actor={Uri.EscapeDataString(Actor ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&subject={Uri.EscapeDataString(Subject ?? "")}&p={page}";
}
