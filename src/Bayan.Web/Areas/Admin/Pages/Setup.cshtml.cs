using Bayan.Accounts;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Bayan.Sites;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/setup: the site's basics and its first administrator, on a fresh installation only.</summary>
public sealed class SetupModel(SetUpSite setUp, SignInManager<User> signIn, SiteQueries sites, AdminText text) : PageModel
{
    [BindProperty] public string SiteName { get; set; } = "";
    [BindProperty] public List<string> SiteLanguages { get; set; } = ["ar", "en"];
    [BindProperty] public string DefaultLanguage { get; set; } = "ar";
    [BindProperty] public string TimeZone { get; set; } = "Asia/Riyadh";
    [BindProperty] public string AdminName { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    /// <summary>The back office's language for the administrator: at first the one this page speaks.</summary>
    [BindProperty] public string? AdminLanguage { get; set; }

    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public static IEnumerable<Language> Choices => Languages.All;
    public static IReadOnlyList<Releases.Choice> BackOfficeLanguages => AccountModel.Languages;

    /// <summary>A site filled by the demo has its basics; setup then only makes the administrator.</summary>
    public bool SiteExists { get; private set; }

    public async Task OnGetAsync()
    {
        SiteExists = await sites.ExistsAsync(HttpContext.RequestAborted);
        AdminLanguage = text.Language;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (admin, errors) = await setUp.RunAsync(
            new SiteSetup(SiteName, SiteLanguages, DefaultLanguage, TimeZone, AdminName, Email, Password, AdminLanguage ?? text.Language), ct);
        if (admin is null)
        {
            Errors = errors;
            SiteExists = await sites.ExistsAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await signIn.SignInAsync(admin, isPersistent: false);
        return Redirect("/admin");
    }
}
