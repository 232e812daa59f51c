using Bayan.Comments;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Admin;

/// <summary>The number of comments waiting, beside the moderators' link: how they learn there is work.</summary>
public sealed class PendingCommentsViewComponent(CommentQueries comments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pending = await comments.PendingCountAsync(HttpContext.RequestAborted);
        return Content(pending > 0 ? $"({pending})" : "");
    }
}
