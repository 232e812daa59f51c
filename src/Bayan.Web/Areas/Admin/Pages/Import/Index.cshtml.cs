using Bayan.Data;
using Bayan.Importing;
using Bayan.Importing.Jobs;
using Bayan.Importing.WordPress;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Web.Admin;
using Bayan.Web.Areas.Admin.Pages.Releases;
using Bayan.Web.Areas.Admin.Pages.Users;
using Bayan.Web.Importing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Areas.Admin.Pages.Import;

/// <summary>
/// /admin/import: an administrator uploads a WordPress export and chooses what the command line's import
/// offers; the import then runs in the background (<see cref="ImportJobWorker"/>) and its page shows how far it got.
/// </summary>
/// <remarks>
/// The upload may be hundreds of megabytes: it is read as it arrives (<see cref="WxrUpload"/>) under a limit of
/// its own, so the form's token is checked by hand from the fields that come before the file, rather than by
/// Razor Pages, which would read the whole form first.
/// </remarks>
// Order above the 1000 of the token check Razor Pages adds to every page, so this one wins.
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class IndexModel(
    CurrentActor current, AdminText text, OfficeQueries offices, SiteQueries sites, ImportJobQueries jobs, StartImportJob start,
    ImportJobQueue queue, BayanOptions bayan, IOptions<ImportUploadOptions> settings, IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions) : PageModel
{
    public string OfficeCode { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string Numbers { get; private set; } = "assign";
    public bool DryRun { get; private set; }
    public bool Users { get; private set; }
    public string UploadsDirectory { get; private set; } = "";

    public IReadOnlyList<Choice> Offices { get; private set; } = [];
    public IReadOnlyList<Choice> Languages { get; private set; } = [];
    public ImportJobStatus? Running { get; private set; }
    public IReadOnlyList<ImportJobView> Recent { get; private set; } = [];
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();
    public long MaxMegabytes => settings.Value.MaxUploadMegabytes;

    public static readonly string[] NumberChoices = ["assign", "keep", "none"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    /// <remarks>
    /// Without parameters: binding one (even a CancellationToken) makes Razor Pages read the whole form first,
    /// into memory and temporary files under the general request limit, before this handler sees a byte.
    /// </remarks>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = await current.GetAsync(ct);
        if (!actor.CanManageSite)
            return Forbid();
        // This address alone takes an export's size; every other request keeps Kestrel's limit.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = settings.Value.MaxUploadBytes;

        var upload = new WxrUpload(Request);
        if (!await upload.ReadFieldsAsync(ct) || !await TokenIsValidAsync(upload.Fields))
            return BadRequest();
        Bind(upload.Fields);

        var (stored, problem) = await upload.SaveAsync(ImportJobWorker.Folder(bayan), settings.Value.MaxUploadBytes, ct);
        if (stored is null)
            return await RefuseAsync(new Dictionary<string, Problem> { [WxrUpload.FileField] = problem! }, ct);

        var numbers = Enum.Parse<NumberChoice>(Numbers, ignoreCase: true);
        var outcome = await start.RunAsync(actor, new ImportJobForm(
            stored.FileName, stored.StoredFile, stored.Bytes, OfficeCode, Language, UploadsDirectory, numbers, DryRun, Users), ct);
        if (outcome is not Outcome.Done done)
        {
            System.IO.File.Delete(stored.Path);
            return outcome is Outcome.Invalid invalid ? await RefuseAsync(invalid.Errors, ct) : Forbid();
        }
        queue.Enqueue(new QueuedImport(done.ReleaseId, stored.Path, new WordPressImportOptions(
            OfficeCode, null, NullIfEmpty(Language), NullIfEmpty(UploadsDirectory), numbers, DryRun, Users)));
        return Redirect($"/admin/import/{done.ReleaseId}");
    }

    /// <summary>The form's token, sent among the fields before the file, checked as the header it could also have come in.</summary>
    private async Task<bool> TokenIsValidAsync(IReadOnlyDictionary<string, string> fields)
    {
        var header = antiforgeryOptions.Value.HeaderName;
        if (header is null || !fields.TryGetValue(antiforgeryOptions.Value.FormFieldName, out var token))
            return false;
        Request.Headers[header] = token;
        return await antiforgery.IsRequestValidAsync(HttpContext);
    }

    private void Bind(IReadOnlyDictionary<string, string> fields)
    {
        string Field(string name) => fields.TryGetValue(name, out var value) ? value.Trim() : "";
        OfficeCode = Field(nameof(OfficeCode));
        Language = Field(nameof(Language));
        Numbers = NumberChoices.Contains(Field(nameof(Numbers))) ? Field(nameof(Numbers)) : "assign";
        DryRun = Field(nameof(DryRun)) == "true";
        Users = Field(nameof(Users)) == "true";
        UploadsDirectory = Field(nameof(UploadsDirectory));
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, Problem> errors, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(ct);
        Response.StatusCode = errors.ContainsKey(StartImportJob.RunningField) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Offices = [.. (await offices.AllAsync(ct)).Select(o => new Choice(o.Code, o.NameIn(text.Language)))];
        Languages = [.. (await sites.LanguageCodesAsync(ct)).Select(UserChoices.Named)];
        Running = await jobs.RunningAsync(ct);
        var clock = await sites.ClockAsync(text.Language, ct);
        Recent = [.. (await jobs.RecentAsync(10, ct)).Select(j => ImportJobView.From(j, text, clock))];
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
