using Bayan.Operations;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/settings: the site's languages and names, and how it dates things; administrators only.</summary>
public sealed class SettingsModel(SiteQueries sites, CurrentActor current, AdminText text, UpdateSiteSettings saveSite, UpdateSiteDates saveDates) : PageModel
{
    [BindProperty] public List<string> SiteLanguages { get; set; } = [];
    [BindProperty] public string DefaultLanguage { get; set; } = "";
    [BindProperty] public Dictionary<string, string> Names { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Taglines { get; set; } = [];
    [BindProperty] public Dictionary<string, string> ClockNames { get; set; } = [];
    [BindProperty] public int PageSize { get; set; }
    [BindProperty] public bool PublishCommentsAtOnce { get; set; }
    [BindProperty] public int CommentsOpenDays { get; set; }
    [BindProperty] public string TimeZone { get; set; } = "";
    [BindProperty] public string HeaderDates { get; set; } = "";
    [BindProperty] public string DatelineDates { get; set; } = "";
    [BindProperty] public string ListingDates { get; set; } = "";
    [BindProperty] public bool ExtendedDigits { get; set; }
    [BindProperty] public bool NumbersInLanguageDigits { get; set; }

    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public IReadOnlyList<string> DateErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSiteAsync(CancellationToken ct)
    {
        var outcome = await saveSite.RunAsync(await current.GetAsync(ct),
            new SiteSettingsForm(SiteLanguages, DefaultLanguage, Names, Taglines, PageSize, PublishCommentsAtOnce, CommentsOpenDays), ct);
        switch (outcome)
        {
            case Outcome.Done:
                return Redirect("/admin/settings?saved=1");
            case Outcome.Invalid invalid:
                Errors = invalid.Errors;
                await LoadDatesAsync(ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Forbid();
        }
    }

    public async Task<IActionResult> OnPostDatesAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        var outcome = await saveDates.RunAsync(
            new SiteDatesChange(HeaderDates, DatelineDates, ListingDates, ExtendedDigits, TimeZone, ClockNames.ToDictionary(c => c.Key, c => c.Value ?? ""), NumbersInLanguageDigits),
            (await current.GetAsync(ct)).Name, ct);
        if (outcome.Errors.Count == 0)
            return Redirect("/admin/settings?saved=1");
        // In the reader's language; the English list is the command line's.
        DateErrors = outcome.Fields is { Count: > 0 } fields ? [.. fields.Values.Select(p => p.In(text.Language))] : outcome.Errors;
        await LoadSiteAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadSiteAsync(ct);
        await LoadDatesAsync(ct);
    }

    private async Task LoadSiteAsync(CancellationToken ct)
    {
        var site = await sites.SiteAsync(ct);
        var languages = await sites.LanguagesAsync(ct);
        SiteLanguages = [.. languages.Select(l => l.Code)];
        DefaultLanguage = site.DefaultLanguage;
        Names = languages.ToDictionary(l => l.Code, l => l.SiteName);
        Taglines = languages.ToDictionary(l => l.Code, l => l.Tagline);
        PageSize = site.PageSize;
        (PublishCommentsAtOnce, CommentsOpenDays) = (site.PublishCommentsAtOnce, site.CommentsOpenDays);
    }

    private async Task LoadDatesAsync(CancellationToken ct)
    {
        var site = await sites.SiteAsync(ct);
        var languages = await sites.LanguagesAsync(ct);
        (TimeZone, HeaderDates, DatelineDates, ListingDates, ExtendedDigits, NumbersInLanguageDigits) =
            (site.TimeZone, site.HeaderDates, site.DatelineDates, site.ListingDates, site.ExtendedDigits, site.NumbersInLanguageDigits);
        ClockNames = languages.ToDictionary(l => l.Code, l => l.ClockName);
    }
}
