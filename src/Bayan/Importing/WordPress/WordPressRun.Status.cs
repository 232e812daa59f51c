using Bayan.Operations;
using Bayan.Releases;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    /// <summary>
    /// WordPress's status, never leaked: `publish` is published at the end (oldest first), `future` scheduled at its
    /// time, `pending` in review, `draft` a draft; `private` and password-protected posts stay drafts, listed in the report.
    /// </summary>
    private async Task FollowStatusAsync(int releaseId, WxrItem item, WxrPlannedItem plan, bool fresh, CancellationToken ct, ReleaseStatus? known = null)
    {
        if (plan.Protected || plan.Status == "private")
        {
            if (fresh)
                report.NotPublic.Add(new ImportNote(ImportKinds.Post, item.PostId.ToString(), new Problem(plan.Protected ? "import_password" : "import_private")));
            return;
        }
        if (options.DryRun)
            return;
        var state = plan.Status switch
        {
            "publish" => ArchiveState.Published,
            "future" => ArchiveState.Public,
            "pending" => ArchiveState.Review,
            _ => ArchiveState.Draft,
        };
        await Archive.FollowStatusAsync(releaseId, state, plan.PublishedUtc,
            options.Numbers == NumberChoice.Keep ? item.MetaValue("reference_number")?.Trim() : null, known, ct);
    }

    /// <summary>
    /// Publishes the releases that were published on WordPress, oldest first, so that numbers given in the office's
    /// pattern follow their original dates; each appears on the site whole, with its translations, media and comments.
    /// </summary>
    public Task PublishAsync(CancellationToken ct) => options.DryRun ? Task.CompletedTask : Archive.PublishAsync(options.Numbers, progress, ct);
}
