using Bayan.Operations;
using Bayan.Sites;
using Bayan.Webhooks;
using Bayan.Web.Admin;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Webhooks;

/// <summary>/admin/webhooks/{id}/deliveries: the latest deliveries with every try (status, answer time, the start of the answer), each sent again on demand.</summary>
public sealed class DeliveriesModel(CurrentActor current, ManageWebhooks manage, WebhookQueries webhooks, SiteReader sites) : PageModel
{
    public WebhookEndpoint Endpoint { get; private set; } = null!;
    public IReadOnlyList<DeliveryRow> Rows { get; private set; } = [];
    public Problem? Message { get; private set; }
    public Bayan.Dates.ZonedTimes Times { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSendAgainAsync(int id, long delivery, CancellationToken ct)
    {
        var outcome = await manage.SendAgainAsync(await current.GetAsync(ct), id, delivery, ct);
        switch (outcome)
        {
            case Outcome.Done done:
                Message = done.Message;
                break;
            case Outcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await webhooks.FindAsync(id, ct) is not { } endpoint)
            return false;
        Endpoint = endpoint;
        Rows = await webhooks.LogAsync(id, ct);
        Times = (await sites.LoadAsync(ct))!.Times;
        return true;
    }
}
