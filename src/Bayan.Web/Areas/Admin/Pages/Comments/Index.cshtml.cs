using Bayan.Comments;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Comments;

/// <summary>
/// /admin/comments: the moderation queue, pending first; moderators and administrators. A row's own
/// buttons act on that row alone; the bulk buttons act on the ticked rows and refuse when none is ticked.
/// </summary>
public sealed class IndexModel(CommentQueries comments, SiteQueries sites, CurrentActor current, ModerateComments moderate, AdminText text) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public CommentStatus Status { get; set; } = CommentStatus.Pending;
    public IReadOnlyList<QueuedComment> Items { get; private set; } = [];
    public SiteClock Clock { get; private set; } = null!;

    /// <summary>What the last click did, in the reader's language; null when there is nothing to say.</summary>
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Moderation? done, int? count, bool one, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanModerate)
            return Forbid();
        if (done is { } action && count is { } changed)
            Notice = changed == 0 ? text["moderation_nothing_changed"]
                : one ? text["moderation_one_done_" + action]
                : text.Format("moderation_ticked_done_" + action, changed);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A row's own button: that comment only, whatever else is ticked.</summary>
    public Task<IActionResult> OnPostOneAsync(int one, Moderation? action, CancellationToken ct) =>
        ModerateAsync([one], action, single: true, ct);

    /// <summary>A bulk button: the ticked comments.</summary>
    public async Task<IActionResult> OnPostAsync(List<int> ids, Moderation? action, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
        {
            if (!(await current.GetAsync(ct)).CanModerate)
                return Forbid();
            Error = text["moderation_none_ticked"];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        return await ModerateAsync(ids, action, single: false, ct);
    }

    private async Task<IActionResult> ModerateAsync(IReadOnlyList<int> ids, Moderation? asked, bool single, CancellationToken ct)
    {
        // A missing or unknown action is refused, never read as the first one (Approve).
        if (asked is not { } action || !Enum.IsDefined(action))
            return BadRequest();
        var changed = await moderate.RunAsync(await current.GetAsync(ct), ids, action, ct);
        if (changed is null)
            return Forbid();
        return Redirect($"/admin/comments?status={Status}&done={action}&count={changed}{(single ? "&one=true" : "")}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clock = await sites.ClockAsync(text.Language, ct);
        Items = await comments.QueueAsync(Status, PageSize, ct);
    }
}
