using System.Net;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Admin;

/// <summary>
/// Every role against every release action, through HTTP: what a role may not do is refused and
/// changes nothing; what it may do works.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class PermissionMatrixTests(TestSite site) : IClassFixture<TestSite>
{
    public enum Role { Administrator, EditorOfOffice, WriterForOffice, EditorOfOtherOffice, TranslatorIntoEnglish, Moderator, Anonymous }

    public enum Action { ListReleases, CreateRelease, EditOriginal, TranslateIntoEnglish, Publish, Retract }

    private static readonly Dictionary<Action, Role[]> Allowed = new()
    {
        [Action.ListReleases] = [Role.Administrator, Role.EditorOfOffice, Role.WriterForOffice, Role.EditorOfOtherOffice, Role.TranslatorIntoEnglish, Role.Moderator],
        [Action.CreateRelease] = [Role.Administrator, Role.EditorOfOffice, Role.WriterForOffice],
        [Action.EditOriginal] = [Role.Administrator, Role.EditorOfOffice, Role.WriterForOffice],
        [Action.TranslateIntoEnglish] = [Role.Administrator, Role.EditorOfOffice, Role.WriterForOffice, Role.TranslatorIntoEnglish],
        [Action.Publish] = [Role.Administrator, Role.EditorOfOffice],
        [Action.Retract] = [Role.Administrator, Role.EditorOfOffice],
    };

    public static TheoryData<Role, Action> Matrix()
    {
        var data = new TheoryData<Role, Action>();
        foreach (var role in Enum.GetValues<Role>())
            foreach (var action in Enum.GetValues<Action>())
                data.Add(role, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_exactly_what_it_is_allowed(Role role, Action action)
    {
        var office = await site.Seed.OfficeAsync();
        var other = await site.Seed.OfficeAsync();
        var inReview = await site.Seed.ReleaseAsync(office, english: false);
        await SetStatusAsync(inReview.Id, ReleaseStatus.InReview);
        var published = await site.Seed.ReleaseAsync(office);
        using var client = new AdminClient(site.BaseAddress);
        if (role != Role.Anonymous)
        {
            var user = await site.Seed.UserAsync(
                administrator: role == Role.Administrator,
                moderator: role == Role.Moderator,
                offices: role switch { Role.EditorOfOffice => [office.Id], Role.EditorOfOtherOffice => [other.Id], _ => [] },
                languages: role == Role.TranslatorIntoEnglish ? ["en"] : [],
                writerOffices: role == Role.WriterForOffice ? [office.Id] : []);
            Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        }
        var before = await SnapshotAsync(office.Id);

        var response = action switch
        {
            Action.ListReleases => await client.GetAsync("/admin"),
            Action.CreateRelease => await client.PostFormAsync("/admin/login", "/admin/releases/new",
                [new("OfficeId", office.Id.ToString()), new("Type", "PressRelease"), new("Language", "ar"), new("Title", "بيان جديد"), new("Body", "نص")]),
            Action.EditOriginal => await client.PostFormAsync("/admin/login", $"/admin/releases/{inReview.Id}/ar",
                [new("Title", "عنوان معدل"), new("Summary", ""), new("Body", "نص معدل"), new("BaseConcurrency", "0")]),
            Action.TranslateIntoEnglish => await client.PostFormAsync("/admin/login", $"/admin/releases/{inReview.Id}/en",
                [new("Title", "Translated title"), new("Summary", ""), new("Body", "Translated body")]),
            Action.Publish => await client.PostFormAsync("/admin/login", $"/admin/releases/{inReview.Id}?handler=Publish", []),
            _ => await client.PostFormAsync("/admin/login", $"/admin/releases/{published.Id}?handler=Retract", [new("notes[ar]", "صدر خطأً."), new("confirmed", "true")]),
        };
        var after = await SnapshotAsync(office.Id);

        if (Allowed[action].Contains(role))
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{role} {action}: {response.StatusCode}");
            Assert.DoesNotContain("/admin/login", response.Headers.Location?.OriginalString ?? "");
            Assert.DoesNotContain("/admin/denied", response.Headers.Location?.OriginalString ?? "");
            if (action != Action.ListReleases)
                Assert.NotEqual(before, after);
        }
        else
        {
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (response.Headers.Location?.OriginalString ?? "").Contains("/admin/login")
                || (response.Headers.Location?.OriginalString ?? "").Contains("/admin/denied");
            Assert.True(refused, $"{role} {action} should be refused but got {response.StatusCode} {response.Headers.Location}");
            Assert.Equal(before, after);
        }
    }

    private Task SetStatusAsync(int id, ReleaseStatus status) => site.Seed.WithDbAsync(db =>
        db.Releases.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)));

    /// <summary>Everything an action could change about the office's releases.</summary>
    private Task<string> SnapshotAsync(int officeId) => site.Seed.WithDbAsync(async db =>
    {
        var releases = await db.Releases.AsNoTracking().Where(r => r.OfficeId == officeId).Include(r => r.Versions)
            .OrderBy(r => r.Id).ToListAsync();
        var revisions = await db.Revisions.CountAsync(r => db.ReleaseVersions.Any(v => v.Id == r.ReleaseVersionId && v.Release.OfficeId == officeId));
        return string.Join("|", releases.Select(r => $"{r.Id}:{r.Status}:{r.ReferenceNumber}:{string.Join(",", r.Versions.OrderBy(v => v.Language).Select(v => $"{v.Language}={v.Title}"))}")) + $"|rev={revisions}";
    });
}
