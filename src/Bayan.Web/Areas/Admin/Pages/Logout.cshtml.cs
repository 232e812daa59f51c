using Bayan.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/logout (POST only): this browser; with everywhere=true, every session of the account.</summary>
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync(bool everywhere)
    {
        if (everywhere && await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/admin/login");
    }
}
