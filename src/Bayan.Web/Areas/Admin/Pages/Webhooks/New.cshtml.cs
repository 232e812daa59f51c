using Bayan.Offices;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Webhooks;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Webhooks;

/// <summary>/admin/webhooks/new: registers an endpoint, then shows its secret, once.</summary>
public sealed class NewModel(OfficeQueries offices, SiteQueries siteQueries, CurrentActor current, AdminText text, ManageWebhooks manage) : PageModel
{
    // Named so in the form; the page's own Url is its link maker.
    [BindProperty(Name = "Url")] public string Address { get; set; } = "";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [];
    [BindProperty] public int? OfficeId { get; set; }
    [BindProperty] public string? Language { get; set; }

    public WebhookChoices Choices { get; private set; } = WebhookChoices.None;
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();

    /// <summary>Shown once, right after the endpoint is registered.</summary>
    public string? Secret { get; private set; }
    public int? CreatedId { get; private set; }

    public WebhookFields Fields => new(Address, Description ?? "", Events, OfficeId, Language, Choices, Errors);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        // A new endpoint takes what a newsroom's partners most often want.
        Events = [WebhookEventTypes.ReleasePublished, WebhookEventTypes.ReleaseCorrected, WebhookEventTypes.ReleaseRetracted];
        Choices = await WebhookChoices.LoadAsync(offices, siteQueries, text.Language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, secret) = await manage.SaveAsync(await current.GetAsync(ct), new WebhookForm(null, Address, Description, Events ?? [], OfficeId, Language), ct);
        switch (outcome)
        {
            case Outcome.Done done:
                (Secret, CreatedId) = (secret, done.ReleaseId);
                return Page();
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                Choices = await WebhookChoices.LoadAsync(offices, siteQueries, text.Language, ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Forbid();
        }
    }
}
