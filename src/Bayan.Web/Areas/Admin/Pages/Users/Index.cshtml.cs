using Bayan.Accounts;
using Bayan.Offices;
using Bayan.Sites;
using Bayan.Localization;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Users;

public sealed record UserRow(int Id, string Name, string Email, IReadOnlyList<string> Roles, bool Locked, bool Invited);

/// <summary>/admin/users: every back-office account with its roles; administrators only.</summary>
public sealed class IndexModel(UserQueries userQueries, OfficeQueries officeQueries, CurrentActor current, AdminText text, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        var now = clock.GetUtcNow();
        var offices = (await officeQueries.AllAsync(ct))
            .ToDictionary(o => o.Id, o => o.NameIn(text.Language));
        var users = await userQueries.AllAsync(ct);
        Rows = [.. users.Select(u => new UserRow(
            u.Id,
            u.DisplayName,
            u.Email ?? "",
            Roles(u, offices),
            u.LockoutEnd > now,
            u.PasswordHash is null))];
        return Page();
    }

    private List<string> Roles(Accounts.User user, IReadOnlyDictionary<int, string> offices)
    {
        var roles = new List<string>();
        if (user.IsAdministrator)
            roles.Add(text["users_role_admin"]);
        if (user.IsModerator)
            roles.Add(text["users_role_moderator"]);
        if (user.Offices.Any(o => o.CanPublish))
            roles.Add(text.Format("users_role_editor_of", string.Join(", ", user.Offices.Where(o => o.CanPublish).Select(o => offices.GetValueOrDefault(o.OfficeId, "?")).Order())));
        if (user.Offices.Any(o => !o.CanPublish))
            roles.Add(text.Format("users_role_writer_of", string.Join(", ", user.Offices.Where(o => !o.CanPublish).Select(o => offices.GetValueOrDefault(o.OfficeId, "?")).Order())));
        if (user.Languages.Count > 0)
            roles.Add(text.Format("users_role_translator_of", string.Join(", ", user.Languages.Select(l => Languages.Find(l.Language)?.NativeName ?? l.Language).Order())));
        return roles;
    }
}
