using Bayan.Releases;

namespace Bayan.Accounts;

/// <summary>
/// What a person may do with one release, by its office's rule. The operations refuse what these
/// deny, and the back office shows a button only when they allow it, so the two never disagree.
/// <list type="bullet">
/// <item>Writers draft, edit and submit for review; they never publish, schedule, correct or retract.</item>
/// <item>Editors (and administrators) review and publish. In an office that requires review, a draft
/// must be submitted before anyone publishes or schedules it.</item>
/// <item>Text saved for a release that is published or scheduled waits for an editor when the office
/// requires review or a writer saved it (see <see cref="Editing.HeldEdit"/>).</item>
/// </list>
/// </summary>
public sealed partial record Actor
{
    /// <summary>Start a release in this office.</summary>
    public bool CanCreateIn(int officeId) => CanEditOffice(officeId);

    public bool CanSubmitForReview(Release release) =>
        release.Status == ReleaseStatus.Draft && CanEditOffice(release.OfficeId);

    /// <summary>A writer may withdraw what waits for review; only an editor takes back a schedule.</summary>
    public bool CanReturnToDraft(Release release) => release.Status switch
    {
        ReleaseStatus.InReview => CanEditOffice(release.OfficeId),
        ReleaseStatus.Scheduled => CanPublishFor(release.OfficeId),
        _ => false,
    };

    /// <summary>"Publish now" and "Schedule": from review, or straight from a draft where the office does not require review.</summary>
    public bool CanPublish(Release release) =>
        CanPublishFor(release.OfficeId) && release.Status switch
        {
            ReleaseStatus.InReview or ReleaseStatus.Scheduled => true,
            ReleaseStatus.Draft => !RequiresReview(release),
            _ => false,
        };

    public bool CanCorrectOrRetract(Release release) =>
        release.Status == ReleaseStatus.Published && CanPublishFor(release.OfficeId);

    /// <summary>Type, categories, tags, media and comments: writers only until the release is approved.</summary>
    public bool CanChangeDetails(Release release) =>
        CanPublishFor(release.OfficeId)
        || (CanEditOffice(release.OfficeId) && release.Status is ReleaseStatus.Draft or ReleaseStatus.InReview);

    /// <summary>Embargoed preview links hand the text to journalists: editors only.</summary>
    public bool CanShareUnderEmbargo(Release release) => CanPublishFor(release.OfficeId);

    /// <summary>Publish or discard the edits that wait for review.</summary>
    public bool CanReviewEdits(Release release) => CanPublishFor(release.OfficeId);

    /// <summary>Whether text this person saves waits for an editor instead of going out at once.</summary>
    public bool MustHoldEdits(Release release) =>
        release.Status is ReleaseStatus.Published or ReleaseStatus.Scheduled
        && (RequiresReview(release) || (CanEditOffice(release.OfficeId) && !CanPublishFor(release.OfficeId)));

    private static bool RequiresReview(Release release) =>
        (release.Office ?? throw new InvalidOperationException("Load the release's office to apply its review rule.")).RequiresReview;
}
