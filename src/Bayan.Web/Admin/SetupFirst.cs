using Bayan.Accounts;

namespace Bayan.Web.Admin;

/// <summary>
/// On a fresh installation every back-office address leads to the setup page, and once an
/// administrator exists the setup page is gone for good.
/// </summary>
internal sealed class SetupFirst(RequestDelegate next)
{
    private volatile bool setUp;

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/admin") || path.StartsWithSegments("/admin/assets"))
        {
            await next(http);
            return;
        }
        // The database context is taken here, not for every request: public pages pass straight through.
        setUp = setUp || await http.RequestServices.GetRequiredService<UserQueries>().AnyAdministratorAsync(http.RequestAborted);
        var onSetup = path.StartsWithSegments("/admin/setup");
        if (!setUp && !onSetup)
        {
            http.Response.Redirect("/admin/setup");
            return;
        }
        if (setUp && onSetup)
        {
            http.Response.Redirect("/admin");
            return;
        }
        await next(http);
    }
}
