using Bayan.Backup;
using Bayan.Operations;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>
/// /admin/backup: what a backup holds, and a button that downloads one; administrators only. The archive is written
/// straight into the response as it is made (only the database's consistent copy is a file first), so a site of any
/// size downloads without being held in memory; every download is in the audit log.
/// </summary>
public sealed class BackupModel(BackupQueries backups, TakeBackup take, CurrentActor current, TimeProvider clock) : PageModel
{
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public Problem? Error { get; private set; }
    public string FileName => BackupFormat.DatedFileName(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(ct)).CanManageSite)
            return Forbid();
        Counts = await backups.CountsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.CanManageSite)
            return Forbid();
        var fileName = FileName;
        var outcome = await take.RunAsync(async started =>
        {
            Response.ContentType = "application/gzip";
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
            // Nothing between here and the client may gather the archive up (a buffering filter, a compressor).
            HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            // The headers go at once: the browser shows the download starting while the archive is still being made.
            await Response.StartAsync(started);
            return Response.Body;
        }, progress: null, ct, auditAs: actor.Name);
        if (outcome is Outcome.Invalid invalid)
        {
            Error = invalid.Errors.Values.First();
            Counts = await backups.CountsAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return new EmptyResult();
    }
}
