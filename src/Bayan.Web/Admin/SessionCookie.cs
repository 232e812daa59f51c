using System.Security.Claims;
using Bayan.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Bayan.Web.Admin;

/// <summary>
/// Ties each sign-in cookie to a session listed in the database (<see cref="UserSessions"/>): signing in
/// lists one, signing out removes it, and every request asks whether its session is still listed. A cookie
/// is signed, not secret to whoever holds it, so this is what makes a copied cookie stop working at sign-out,
/// on every node, at once.
/// </summary>
internal static class SessionCookie
{
    public const string Claim = "bayan:session";

    public static void Track(CookieAuthenticationOptions cookie)
    {
        cookie.Events.OnSigningIn = StartAsync;
        cookie.Events.OnSigningOut = EndAsync;
        // Identity's own check of the security stamp still runs, after ours.
        var stampCheck = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsLiveAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await stampCheck(context);
        };
    }

    /// <summary>The stamp check rebuilds the person's claims from the database; the session stays the same.</summary>
    public static Task KeepSessionAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(Claim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(Claim, session.Value));
        return Task.CompletedTask;
    }

    private static async Task StartAsync(CookieSigningInContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var ct = context.HttpContext.RequestAborted;
        // Signing in again in the same browser (a new password, a new language) replaces its session.
        if (SessionOf(context.HttpContext.User) is { } previous)
            await sessions.EndAsync(previous, ct);
        if (context.Principal?.Identity is not ClaimsIdentity identity || UserIdOf(context.Principal) is not { } userId)
            return;
        var id = await sessions.StartAsync(userId, context.Options.ExpireTimeSpan, ct);
        identity.AddClaim(new Claim(Claim, id));
    }

    private static async Task EndAsync(CookieSigningOutContext context)
    {
        if (SessionOf(context.HttpContext.User) is { } session)
            await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().EndAsync(session, context.HttpContext.RequestAborted);
    }

    private static async Task<bool> IsLiveAsync(CookieValidatePrincipalContext context) =>
        SessionOf(context.Principal) is { } session && UserIdOf(context.Principal) is { } userId
        && await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().IsLiveAsync(session, userId, context.HttpContext.RequestAborted);

    private static string? SessionOf(ClaimsPrincipal? principal) => principal?.FindFirst(Claim)?.Value;

    private static int? UserIdOf(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}
