using Bayan.Operations;
using Bayan.Pages;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    /// <summary>
    /// A published page becomes a static page in its language; translations of one page share its key, so they
    /// link to each other. A page not published is no static page (they have no drafts): it is skipped and listed.
    /// </summary>
    private async Task PageAsync(WxrItem item, WxrPlannedItem plan, ItemText text, CancellationToken ct)
    {
        var id = item.PostId.ToString();
        if (NotImported(plan) is { } reason)
        {
            report.Skip(ImportKinds.Page, id, reason);
            return;
        }
        if (!plan.IsPublic)
        {
            report.Skip(ImportKinds.Page, id, new Problem(plan.Protected ? "import_password" : "import_page_not_public", plan.Status));
            return;
        }
        var key = await PageKeyAsync(item, plan, text, ct);
        var hash = Hash(key, text.Title, text.Slug, text.Body, plan.Language);
        var known = Made(ImportKinds.Page, id);
        if (known?.TargetId is not null && known.ContentHash == hash)
        {
            report.Of(ImportKinds.Page).Unchanged++;
            return;
        }
        if (options.DryRun)
        {
            if (known?.TargetId is null)
                report.Of(ImportKinds.Page).Imported++;
            else
                report.Of(ImportKinds.Page).Updated++;
            return;
        }
        int? pageId = int.TryParse(known?.TargetId, out var existing) ? existing : null;
        var outcome = await operations.Pages.SaveAsync(Importer, new PageForm(pageId, key, plan.Language, text.Title, text.Slug, text.Body), ct);
        if (outcome is not Outcome.Done saved)
        {
            report.Skip(ImportKinds.Page, id, ProblemOf(outcome));
            return;
        }
        if (pageId is null)
            report.Of(ImportKinds.Page).Imported++;
        else
            report.Of(ImportKinds.Page).Updated++;
        await RememberAsync(ImportKinds.Page, id, saved.ReleaseId.ToString(), plan.Language, item.Link, hash, ct);
    }

    /// <summary>The key its translations share: the original page's, or its own slug.</summary>
    private async Task<string> PageKeyAsync(WxrItem item, WxrPlannedItem plan, ItemText text, CancellationToken ct)
    {
        if (!scan.IsOriginal(plan) && Made(ImportKinds.Page, scan.Originals[plan.Group!].ToString())?.TargetId is { } original
            && int.TryParse(original, out var originalId)
            && await db.Pages.AsNoTracking().Where(p => p.Id == originalId).Select(p => p.Key).FirstOrDefaultAsync(ct) is { } key)
            return key;
        var own = Slug.From(text.Slug ?? text.Title);
        return own.Length > 0 ? own : $"page-{item.PostId}";
    }
}
