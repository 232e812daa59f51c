using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Rendering;

/// <summary>
/// Pages show the HTML rendered when a body was saved. When the renderer learns something new (each
/// block's own direction), the bodies saved before are rendered again, once, at the upgrade.
/// </summary>
public static class RenderedBodies
{
    private const int Batch = 500;

    public static async Task RenderAgainAsync(BayanDb db, CancellationToken ct)
    {
        for (var after = 0; ;)
        {
            var versions = await db.ReleaseVersions.AsNoTracking().Where(v => v.Id > after).OrderBy(v => v.Id)
                .Select(v => new { v.Id, v.Body }).Take(Batch).ToListAsync(ct);
            if (versions.Count == 0)
                break;
            // Not through the tracked entity: a new rendering of the same text is no edit, and must not
            // raise the version an editor's open form was loaded at.
            foreach (var v in versions)
            {
                var html = MarkdownRenderer.ToSafeHtml(v.Body);
                await db.ReleaseVersions.Where(x => x.Id == v.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BodyHtml, html), ct);
            }
            after = versions[^1].Id;
        }
        foreach (var page in await db.Pages.AsNoTracking().Select(p => new { p.Id, p.Body }).ToListAsync(ct))
        {
            var html = MarkdownRenderer.ToSafeHtml(page.Body);
            await db.Pages.Where(x => x.Id == page.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BodyHtml, html), ct);
        }
    }
}
