using Bayan.Offices;
using Bayan.Sites;
using Bayan.Webhooks;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Webhooks;

/// <summary>/admin/webhooks: the registered endpoints, whether each is on and how its deliveries go; administrators only.</summary>
public sealed class IndexModel(OfficeQueries offices, SiteQueries siteQueries, CurrentActor current, AdminText text, WebhookQueries webhooks) : PageModel
{
    public IReadOnlyList<EndpointRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Offices { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        Rows = await webhooks.ListAsync(ct);
        Offices = (await WebhookChoices.LoadAsync(offices, siteQueries, text.Language, ct)).Offices.ToDictionary(o => int.Parse(o.Value), o => o.Label);
        return Page();
    }
}
