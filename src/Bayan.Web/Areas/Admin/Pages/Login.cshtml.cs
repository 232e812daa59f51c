using Bayan.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/login: Identity's password check with lockout after repeated failures.</summary>
public sealed class LoginModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.Ordinal) ? ReturnUrl : "/admin");
        Error = result.IsLockedOut ? "login_locked" : "login_failed";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
