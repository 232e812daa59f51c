using Bayan.Operations;
using System.Globalization;
using Bayan.Accounts;
using Bayan.Sites;
using Bayan.Offices;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Offices;

/// <summary>/admin/offices/new and /admin/offices/{id}: an office's names, zone, Hijri adjustment, numbering; its recorded month starts.</summary>
public sealed class EditModel(OfficeQueries offices, SiteQueries sites, CurrentActor current, SaveOffice save, RecordHijriMonthStart monthStarts) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public Dictionary<string, string> Names { get; set; } = [];
    [BindProperty] public string DefaultLanguage { get; set; } = "";
    [BindProperty] public string TimeZone { get; set; } = "";
    [BindProperty] public int HijriAdjustment { get; set; }
    [BindProperty] public string NumberingPattern { get; set; } = "{hijri-year}/{seq:2}";
    // Named explicitly: a dictionary missing from the form would otherwise be bound from every field of it.
    [BindProperty(Name = nameof(FullNames))] public Dictionary<string, string> FullNames { get; set; } = [];
    [BindProperty(Name = nameof(Addresses))] public Dictionary<string, string> Addresses { get; set; } = [];
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? SocialLinks { get; set; }
    [BindProperty] public bool RequiresReview { get; set; }

    public int? Id { get; private set; }
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public IReadOnlyList<HijriMonthStart> MonthStarts { get; private set; } = [];
    public IReadOnlyList<string> Editors { get; private set; } = [];
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    /// <summary>What recording a month start did, said in the reader's language by the page.</summary>
    public MonthStartOutcome? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (id is null)
        {
            var site = await sites.SiteAsync(ct);
            (DefaultLanguage, TimeZone) = (site.DefaultLanguage, site.TimeZone);
            return Page();
        }
        var office = await offices.WithIdAsync(id.Value, ct);
        Fill(office!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var outcome = await save.RunAsync(await current.GetAsync(ct),
            new OfficeForm(id, Code, Names, DefaultLanguage, TimeZone, HijriAdjustment, NumberingPattern,
                new OfficeContact(FullNames, Addresses, Website, Telephone, Email, SocialLinks), RequiresReview), ct);
        switch (outcome)
        {
            case Outcome.Done done:
                return Redirect($"/admin/offices/{done.ReleaseId}?saved=1");
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                await LoadAsync(id, ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case Outcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    /// <summary>Records (or with an empty date, forgets) the day a Hijri month began for this office.</summary>
    public async Task<IActionResult> OnPostMonthAsync(int id, int year, int month, string? startsOn, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.CanManageSite)
            return Forbid();
        var office = await offices.WithIdAsync(id, ct);
        if (office is null)
            return NotFound();
        DateOnly? day = DateOnly.TryParseExact(startsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        var outcome = await monthStarts.RunAsync(new MonthStartRequest(office.Code, year, month, day, actor.Name), ct);
        await LoadAsync(id, ct);
        Fill(office);
        Message = outcome;
        if (!outcome.Changed)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void Fill(Office office)
    {
        (Code, DefaultLanguage, TimeZone, HijriAdjustment, NumberingPattern) =
            (office.Code, office.DefaultLanguage, office.TimeZone, office.HijriAdjustment, office.NumberingPattern);
        Names = office.Names.ToDictionary(n => n.Language, n => n.Name);
        RequiresReview = office.RequiresReview;
        var contact = OfficeContact.Of(office);
        (FullNames, Addresses) = (new(contact.FullNames!), new(contact.Addresses!));
        (Website, Telephone, Email, SocialLinks) = (contact.Website, contact.Telephone, contact.Email, contact.SocialLinks);
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Languages = await sites.LanguageCodesAsync(ct);
        if (id is null)
            return true;
        if (!await offices.ExistsAsync(id.Value, ct))
            return false;
        MonthStarts = await offices.MonthStartsAsync(id.Value, ct);
        Editors = await offices.EditorNamesAsync(id.Value, ct);
        return true;
    }
}
