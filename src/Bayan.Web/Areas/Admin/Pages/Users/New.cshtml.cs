using Bayan.Accounts;
using Bayan.Offices;
using Bayan.Sites;
using Bayan.Operations;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Users;

/// <summary>/admin/users/new: an account without a password, then its one-time link for the administrator to pass on.</summary>
public sealed class NewModel(OfficeQueries offices, SiteQueries sites, CurrentActor current, AdminText text, CreateUser create) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Language { get; set; } = "";
    [BindProperty] public bool IsAdministrator { get; set; }
    [BindProperty] public bool IsModerator { get; set; }
    [BindProperty] public List<int> OfficeIds { get; set; } = [];
    [BindProperty] public List<int> WriterOfficeIds { get; set; } = [];
    [BindProperty] public List<string> LanguageCodes { get; set; } = [];

    public UserChoices Choices { get; private set; } = UserChoices.None;
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();

    /// <summary>Shown once, right after the account is made.</summary>
    public string? NewLink { get; private set; }
    public int? CreatedId { get; private set; }

    public UserFields Fields => new(DisplayName, Language, IsAdministrator, IsModerator, OfficeIds, LanguageCodes, Choices, Errors, WriterOfficeIds);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        // The newsroom's own language first; the person can change it on their account page.
        var siteLanguage = await sites.DefaultLanguageAsync(ct);
        Language = Localization.Messages.Translated.Contains(siteLanguage) ? siteLanguage : text.Language;
        Choices = await UserChoices.LoadAsync(offices, sites, text.Language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new UserForm(DisplayName, Language, IsAdministrator, IsModerator, OfficeIds ?? [], LanguageCodes ?? [], WriterOfficeIds ?? []);
        var (link, outcome) = await create.RunAsync(await current.GetAsync(ct), Email, form, ct);
        switch (outcome)
        {
            case Outcome.Done done when link is not null:
                NewLink = Bayan.Sites.SiteUrls.Absolute(PublicSite.RequestOrigin.Of(Request), link.Url);
                CreatedId = done.ReleaseId;
                return Page();
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                Choices = await UserChoices.LoadAsync(offices, sites, text.Language, ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Forbid();
        }
    }
}
