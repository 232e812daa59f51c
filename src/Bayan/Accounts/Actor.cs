using Bayan.Releases;

namespace Bayan.Accounts;

/// <summary>
/// Who is acting and what they may do, read once per request. Every rule of the back office, the
/// API and the command line asks here, so a permission never lives only in a page; the rules of a
/// release's workflow are in ReleaseRules.cs.
/// </summary>
/// <param name="Offices">Offices whose releases the person writes: as an editor or as a writer.</param>
/// <param name="PublishOffices">Of those, the offices the person edits: reviews and publishes.</param>
public sealed partial record Actor(
    int UserId,
    string Name,
    bool IsAdministrator,
    bool IsModerator,
    IReadOnlySet<int> Offices,
    IReadOnlySet<string> Languages,
    IReadOnlySet<int> PublishOffices)
{
    /// <summary>The scheduler and the command line: they act for the installation itself.</summary>
    public static Actor System(string name) => new(0, name, true, false, new HashSet<int>(), new HashSet<string>(), new HashSet<int>());

    public static Actor From(User user) => new(
        user.Id,
        user.DisplayName,
        user.IsAdministrator,
        user.IsModerator,
        user.Offices.Select(o => o.OfficeId).ToHashSet(),
        user.Languages.Select(l => l.Language).ToHashSet(),
        user.Offices.Where(o => o.CanPublish).Select(o => o.OfficeId).ToHashSet());

    /// <summary>Writes releases of some office (editors and writers): starts releases, uploads media.</summary>
    public bool IsEditor => IsAdministrator || Offices.Count > 0;
    public bool IsTranslator => Languages.Count > 0;

    /// <summary>Write the office's releases and submit them for review: its editors and writers.</summary>
    public bool CanEditOffice(int officeId) => IsAdministrator || Offices.Contains(officeId);

    /// <summary>Review and publish the office's releases: its editors, never its writers.</summary>
    public bool CanPublishFor(int officeId) => IsAdministrator || PublishOffices.Contains(officeId);

    /// <summary>The original belongs to the office's editors; a translation also to translators of its language.</summary>
    public bool CanWrite(Release release, string language) =>
        CanEditOffice(release.OfficeId)
        || (language != release.OriginalLanguage && Languages.Contains(language) && release.Status != ReleaseStatus.Draft);

    public bool CanSee(Release release) =>
        CanEditOffice(release.OfficeId) || (IsTranslator && release.Status != ReleaseStatus.Draft);

    public bool CanModerate => IsAdministrator || IsModerator;
    public bool CanManageSite => IsAdministrator;
}

public static class ActorQueries
{
    /// <summary>The releases the actor may see in the back office; the filter lives in the query so nothing leaks.</summary>
    public static IQueryable<Release> VisibleTo(this IQueryable<Release> releases, Actor actor)
    {
        if (actor.IsAdministrator)
            return releases;
        var offices = actor.Offices.ToList();
        var translates = actor.IsTranslator;
        return releases.Where(r => offices.Contains(r.OfficeId) || (translates && r.Status != ReleaseStatus.Draft));
    }
}
