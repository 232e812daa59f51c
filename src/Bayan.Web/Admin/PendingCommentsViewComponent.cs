using Bayan.Comments;
using Bayan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Admin;

/// <summary>The number of comments waiting, beside the moderators' link: how they learn there is work.</summary>
public sealed class PendingCommentsViewComponent(BayanDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pending = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending);
        return Content(pending > 0 ? $"({pending})" : "");
    }
}
