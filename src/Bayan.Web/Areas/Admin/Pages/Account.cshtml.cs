using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Web.Admin;
using Bayan.Web.Areas.Admin.Pages.Releases;
using Bayan.Web.Areas.Admin.Pages.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/account: any signed-in person's own language and password, and signing out everywhere.</summary>
public sealed class AccountModel(
    CurrentActor current, AdminText text, SignInManager<User> signIn, IOptions<IdentityOptions> identity,
    ChooseLanguage chooseLanguage, ChangePassword changePassword, SignOutEverywhere signOut) : PageModel
{
    [BindProperty] public string Language { get; set; } = "";
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string Repeat { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public User Account { get; private set; } = null!;
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public int MinLength => identity.Value.Password.RequiredLength;
    public string? DoneKey => DoneMessage.Key(Done, text.Language);

    public static IReadOnlyList<Choice> Languages =>
        [.. Localization.Messages.Translated.Order(StringComparer.Ordinal).Select(UserChoices.Named)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Account = await current.UserAsync(ct);
        Language = Account.Language;
    }

    /// <summary>The cookie is issued again, so the back office speaks the new language from the next page on.</summary>
    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken ct)
    {
        var outcome = await chooseLanguage.RunAsync(await current.GetAsync(ct), Language, ct);
        if (outcome is Outcome.Done done)
        {
            await signIn.RefreshSignInAsync(await current.UserAsync(ct));
            return Redirect($"/admin/account?done={done.Message.Key}");
        }
        return await FailAsync(outcome, ct);
    }

    /// <summary>The password change ends every other session; this one is signed in again.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (NewPassword != Repeat)
            return await FailAsync(new Outcome.Invalid(new Dictionary<string, Problem> { ["repeat"] = new("users_password_mismatch") }), ct);
        var outcome = await changePassword.RunAsync(await current.GetAsync(ct), CurrentPassword ?? "", NewPassword ?? "", ct);
        if (outcome is Outcome.Done done)
        {
            await signIn.RefreshSignInAsync(await current.UserAsync(ct));
            return Redirect($"/admin/account?done={done.Message.Key}");
        }
        return await FailAsync(outcome, ct);
    }

    /// <summary>Every session ends, this one too.</summary>
    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var outcome = await signOut.RunAsync(actor, actor.UserId, ct);
        if (outcome is not Outcome.Done)
            return await FailAsync(outcome, ct);
        await signIn.SignOutAsync();
        return Redirect("/admin/login");
    }

    private async Task<IActionResult> FailAsync(Outcome outcome, CancellationToken ct)
    {
        if (outcome is not Outcome.Invalid invalid)
            return NotFound();
        Account = await current.UserAsync(ct);
        Errors = invalid.Errors;
        Done = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
