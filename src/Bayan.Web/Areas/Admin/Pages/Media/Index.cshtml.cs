using Bayan.Media;
using Bayan.Operations;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Media;

/// <summary>/admin/media: upload images and PDFs, and find them again to use in releases; editors and administrators.</summary>
public sealed class IndexModel(MediaQueries media, CurrentActor current, UploadMedia upload) : PageModel
{
    private const int PageSize = 48;

    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public bool HasMore { get; private set; }
    public string? Problem { get; private set; }
    public MediaItem? Uploaded { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).IsEditor)
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsEditor)
            return Forbid();
        if (file is null || file.Length == 0)
        {
            Problem = "media_choose_file";
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var outcome = await upload.RunAsync(actor, file.FileName, stream, file.Length, ct);
            if (outcome.Forbidden)
                return Forbid();
            Problem = outcome.Problem;
            Uploaded = outcome.Item;
        }
        if (Problem is not null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>What an editor pastes into a release's Markdown.</summary>
    public static string Markdown(MediaItem item) =>
        item.Width is null ? $"[{item.FileName}]({item.Url})" : $"![{Path.GetFileNameWithoutExtension(item.FileName)}]({SetReleaseMedia.DisplayUrl(item)})";

    private async Task LoadAsync(CancellationToken ct)
    {
        P = Math.Clamp(P, 1, 100_000);
        var page = await media.PageAsync(P, PageSize, ct);
        HasMore = page.Count > PageSize;
        Items = [.. page.Take(PageSize)];
    }
}
