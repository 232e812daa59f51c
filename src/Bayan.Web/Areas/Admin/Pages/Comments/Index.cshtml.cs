using Bayan.Comments;
using Bayan.Data;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Areas.Admin.Pages.Comments;

public sealed record QueuedComment(int Id, string Name, string Email, string Text, DateTime At, string ReleaseTitle, int ReleaseId, string Language, CommentStatus Status);

/// <summary>/admin/comments: the moderation queue, pending first; moderators and administrators.</summary>
public sealed class IndexModel(BayanDb db, CurrentActor current, ModerateComments moderate) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public CommentStatus Status { get; set; } = CommentStatus.Pending;
    public IReadOnlyList<QueuedComment> Items { get; private set; } = [];
    public int? Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanModerate)
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<int> ids, Moderation action, CancellationToken ct)
    {
        var changed = await moderate.RunAsync(await current.GetAsync(ct), ids ?? [], action, ct);
        if (changed is null)
            return Forbid();
        return Redirect($"/admin/comments?status={Status}&changed={changed}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Changed = int.TryParse(Request.Query["changed"], out var changed) ? changed : null;
        Items = await db.Comments.AsNoTracking().Where(c => c.Status == Status)
            .OrderByDescending(c => c.CreatedAt).Take(PageSize)
            .Join(db.ReleaseVersions, c => c.ReleaseVersionId, v => v.Id,
                (c, v) => new QueuedComment(c.Id, c.Name, c.Email, c.Text, c.CreatedAt, v.Title, v.ReleaseId, v.Language, c.Status))
            .ToListAsync(ct);
    }
}
