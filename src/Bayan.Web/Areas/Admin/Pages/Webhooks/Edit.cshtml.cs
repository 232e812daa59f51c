using Bayan.Offices;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Webhooks;
using Bayan.Web.Admin;
using Bayan.Web.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Webhooks;

/// <summary>
/// /admin/webhooks/{id}: an endpoint's address, events and filter; its secret rotated (the new one shown
/// once), a ping, turning it off and on, removing it. Administrators only.
/// </summary>
public sealed class EditModel(OfficeQueries offices, SiteQueries siteQueries, CurrentActor current, AdminText text, ManageWebhooks manage, WebhookQueries webhooks, SiteReader sites) : PageModel
{
    // Named so in the form; the page's own Url is its link maker.
    [BindProperty(Name = "Url")] public string Address { get; set; } = "";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [];
    [BindProperty] public int? OfficeId { get; set; }
    [BindProperty] public string? Language { get; set; }

    public WebhookEndpoint Endpoint { get; private set; } = null!;
    public WebhookChoices Choices { get; private set; } = WebhookChoices.None;
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public Problem? Message { get; private set; }
    public Bayan.Dates.ZonedTimes Times { get; private set; } = null!;

    /// <summary>Shown once, right after a rotation.</summary>
    public string? Secret { get; private set; }

    public WebhookFields Fields => new(Address, Description ?? "", Events, OfficeId, Language, Choices, Errors);

    /// <summary>The overlaps the rotation form offers, in hours: none, an hour, a day, a week.</summary>
    public static readonly int[] Overlaps = [0, 1, 24, 168];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        if (!await LoadAsync(id, fill: true, ct))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (outcome, _) = await manage.SaveAsync(await current.GetAsync(ct), new WebhookForm(id, Address, Description, Events ?? [], OfficeId, Language), ct);
        if (outcome is Outcome.Invalid invalid)
        {
            Errors = invalid.Errors;
            await LoadAsync(id, fill: false, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return await AfterAsync(id, outcome, ct);
    }

    public async Task<IActionResult> OnPostRotateAsync(int id, int overlapHours, CancellationToken ct)
    {
        var (outcome, secret) = await manage.RotateSecretAsync(await current.GetAsync(ct), id, TimeSpan.FromHours(overlapHours), ct);
        Secret = secret;
        return await AfterAsync(id, outcome, ct);
    }

    public async Task<IActionResult> OnPostPingAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await manage.PingAsync(await current.GetAsync(ct), id, ct), ct);

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await manage.SetEnabledAsync(await current.GetAsync(ct), id, true, ct), ct);

    public async Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await manage.SetEnabledAsync(await current.GetAsync(ct), id, false, ct), ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await manage.DeleteAsync(await current.GetAsync(ct), id, ct) switch
        {
            Outcome.Done => Redirect("/admin/webhooks"),
            Outcome.NotFound => NotFound(),
            _ => Forbid(),
        };

    /// <summary>The page again with what the action did, or why it did nothing.</summary>
    private async Task<IActionResult> AfterAsync(int id, Outcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome.Done done:
                Message = done.Message;
                break;
            case Outcome.Invalid invalid:
                Message = invalid.Errors.Values.First();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            case Outcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
        await LoadAsync(id, fill: true, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, bool fill, CancellationToken ct)
    {
        if (await webhooks.FindAsync(id, ct) is not { } endpoint)
            return false;
        Endpoint = endpoint;
        if (fill)
        {
            (Address, Description, OfficeId, Language) = (endpoint.Url, endpoint.Description, endpoint.OfficeId, endpoint.Language);
            Events = [.. endpoint.EventList];
        }
        Choices = await WebhookChoices.LoadAsync(offices, siteQueries, text.Language, ct);
        Times = (await sites.LoadAsync(ct))!.Times;
        return true;
    }
}
