using System.Net;
using Bayan.Sites;
using Bayan.Webhooks;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Bayan.Web.Admin;

/// <summary>
/// The notice on the dashboard that Bayan turned a webhook endpoint off (failing for long, or it
/// answered 410 Gone), shown to administrators until one of them turns it on again: Bayan sends no
/// e-mail, so this is how they learn of it.
/// </summary>
public sealed class DisabledWebhooksViewComponent(CurrentActor current, AdminText text, WebhookQueries webhooks, SiteReader sites) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await current.FindAsync(ct) is not { CanManageSite: true })
            return Content("");
        var disabled = await webhooks.DisabledAsync(ct);
        if (disabled.Count == 0)
            return Content("");
        var times = (await sites.LoadAsync(ct))!.Times;
        var items = disabled.Select(d =>
            $"<li>{Encode(text.Format("webhook_disabled_notice", d.Url, times.Format(d.At, text.Language)))} {Encode(text[d.Reason])} " +
            $"<a href=\"/admin/webhooks/{d.Id}\">{Encode(text["webhook_open"])}</a></li>");
        return new HtmlContentViewComponentResult(new Microsoft.AspNetCore.Html.HtmlString(
            $"<div class=\"error webhooks-off\" role=\"alert\"><ul>{string.Concat(items)}</ul></div>"));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
