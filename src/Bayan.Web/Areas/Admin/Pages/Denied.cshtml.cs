using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
