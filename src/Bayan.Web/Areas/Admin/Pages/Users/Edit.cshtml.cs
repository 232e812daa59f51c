using Bayan.Operations;
using System.Globalization;
using Bayan.Accounts;
using Bayan.Offices;
using Bayan.Sites;
using Bayan.Dates;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Users;

/// <summary>/admin/users/{id}: an account's name, language and roles; a new password link, unlock, sign out everywhere. Administrators only.</summary>
public sealed class EditModel(
    UserQueries users, OfficeQueries offices, SiteQueries sites, CurrentActor current, AdminText text, TimeProvider clock,
    UpdateUser update, ResetPasswordLink resetLink, UnlockUser unlock, SignOutEverywhere signOut) : PageModel
{
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Language { get; set; } = "";
    [BindProperty] public bool IsAdministrator { get; set; }
    [BindProperty] public bool IsModerator { get; set; }
    [BindProperty] public List<int> OfficeIds { get; set; } = [];
    [BindProperty] public List<int> WriterOfficeIds { get; set; } = [];
    [BindProperty] public List<string> LanguageCodes { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public User Account { get; private set; } = null!;
    public UserChoices Choices { get; private set; } = UserChoices.None;
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public Problem? Error { get; private set; }

    /// <summary>Shown once, right after it is made.</summary>
    public string? NewLink { get; private set; }

    /// <summary>Until when failed sign-ins keep the account out, in the site's time; null when it is not locked.</summary>
    public string? LockedUntil { get; private set; }

    /// <summary>The message named by ?done=, if it is one of this page's own.</summary>
    public string? DoneKey => DoneMessage.Key(Done, text.Language);

    public UserFields Fields => new(DisplayName, Language, IsAdministrator, IsModerator, OfficeIds, LanguageCodes, Choices, Errors, WriterOfficeIds);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        if (!await LoadAsync(id, ct))
            return NotFound();
        FillFromAccount();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var form = new UserForm(DisplayName, Language, IsAdministrator, IsModerator, OfficeIds ?? [], LanguageCodes ?? [], WriterOfficeIds ?? []);
        var outcome = await update.RunAsync(await current.GetAsync(ct), id, form, ct);
        if (outcome is not Outcome.Invalid invalid)
            return await AnswerAsync(id, outcome, ct);
        // The form again with what was typed, each problem beside its field.
        Errors = invalid.Errors;
        if (!await LoadAsync(id, ct))
            return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        var (link, outcome) = await resetLink.RunAsync(await current.GetAsync(ct), id, ct);
        if (link is null)
            return await AnswerAsync(id, outcome, ct);
        await LoadAsync(id, ct);
        FillFromAccount();
        NewLink = Bayan.Sites.SiteUrls.Absolute(PublicSite.RequestOrigin.Of(Request), link.Url);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await unlock.RunAsync(await current.GetAsync(ct), id, ct), ct);

    public async Task<IActionResult> OnPostSignOutAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await signOut.RunAsync(await current.GetAsync(ct), id, ct), ct);

    private async Task<IActionResult> AnswerAsync(int id, Outcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome.Done done:
                return Redirect($"/admin/users/{id}?done={done.Message.Key}");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Invalid invalid:
                if (!await LoadAsync(id, ct))
                    return NotFound();
                FillFromAccount();
                Error = invalid.Errors.Values.First();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Forbid();
        }
    }

    private void FillFromAccount()
    {
        (DisplayName, Language, IsAdministrator, IsModerator) = (Account.DisplayName, Account.Language, Account.IsAdministrator, Account.IsModerator);
        OfficeIds = [.. Account.Offices.Where(o => o.CanPublish).Select(o => o.OfficeId)];
        WriterOfficeIds = [.. Account.Offices.Where(o => !o.CanPublish).Select(o => o.OfficeId)];
        LanguageCodes = [.. Account.Languages.Select(l => l.Language)];
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var user = await users.WithAccessAsync(id, ct);
        if (user is null)
            return false;
        Account = user;
        Choices = await UserChoices.LoadAsync(offices, sites, text.Language, ct);
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow())
        {
            var zone = DateFormatter.FindZone((await sites.SiteAsync(ct)).TimeZone);
            LockedUntil = TimeZoneInfo.ConvertTime(end, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }
        return true;
    }
}
