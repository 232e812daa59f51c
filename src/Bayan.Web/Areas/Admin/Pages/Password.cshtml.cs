using Bayan.Accounts;
using Bayan.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/password?user=..&amp;token=..: anyone holding a one-time link chooses the account's password.</summary>
public sealed class PasswordModel(SetPassword setPassword, IOptions<IdentityOptions> identity) : PageModel
{
    public int MinLength => identity.Value.Password.RequiredLength;

    [BindProperty(SupportsGet = true, Name = "user")] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Repeat { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Done { get; set; }

    /// <summary>False when the link is wrong, used or expired: then there is no form, only what to do.</summary>
    public bool LinkWorks { get; private set; }
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        NoStore();
        if (!Done)
        {
            LinkWorks = await setPassword.LinkWorksAsync(UserId, Token, ct);
            if (!LinkWorks)
                Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NoStore();
        Done = false;
        LinkWorks = true;
        if (Password != Repeat)
        {
            Errors = new Dictionary<string, Problem> { ["repeat"] = new("users_password_mismatch") };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var outcome = await setPassword.RunAsync(UserId, Token ?? "", Password ?? "", ct);
        if (outcome is Outcome.Done)
            return Redirect("/admin/password?done=true");
        Errors = outcome is Outcome.Invalid invalid ? invalid.Errors : new Dictionary<string, Problem> { ["link"] = new("users_link_invalid") };
        LinkWorks = !Errors.ContainsKey("link");
        Response.StatusCode = LinkWorks ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status410Gone;
        return Page();
    }

    // The address holds a secret: no cache keeps the page.
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
