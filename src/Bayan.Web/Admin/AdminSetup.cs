using Bayan.Accounts;
using Bayan.Data;
using Bayan.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Bayan.Web.Admin;

internal static class AdminSetup
{
    public const string CookieName = "bayan.admin";

    /// <summary>Signing in with Identity's security stamps; a cookie that only the back office ever sees.</summary>
    public static void AddAdmin(this WebApplicationBuilder builder, BayanOptions options)
    {
        var services = builder.Services;
        // Users, passwords and lockout are the library's (AddBayan); signing in is the web's.
        new IdentityBuilder(typeof(User), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<BayanClaims>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                // Public pages never receive the cookie, so they stay the same for everyone and cacheable.
                cookie.Cookie.Path = "/admin";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = "/admin/login";
                cookie.LogoutPath = "/admin/logout";
                cookie.AccessDeniedPath = "/admin/denied";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                SessionCookie.Track(cookie);
            }));
        // Signing out ends a session at once (SessionCookie). The stamp check, once a minute, brings a
        // session's claims (roles, language) up to date after someone changed them.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionCookie.KeepSessionAsync;
        });
        services.AddAuthorization();
        services.AddKeyProtection(options);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AdminText>();
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeAreaFolder("Admin", "/");
            pages.Conventions.AllowAnonymousToAreaPage("Admin", "/Setup");
            pages.Conventions.AllowAnonymousToAreaPage("Admin", "/Login");
            pages.Conventions.AllowAnonymousToAreaPage("Admin", "/Denied");
            pages.Conventions.AllowAnonymousToAreaPage("Admin", "/Password");
            // One form page serves both a new office and an existing one. Unlike AddAreaPageRoute, the
            // extra address makes no links: a form on an office's page (asp-page-handler) must post back
            // to /admin/offices/{id}, not to /admin/offices/new, which knows no office.
            pages.Conventions.AddAreaPageRouteModelConvention("Admin", "/Offices/Edit", page => page.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = "/admin/offices/new", SuppressLinkGeneration = true },
            }));
        });
    }

    /// <summary>The back office's own style sheet and script, under /admin/assets/.</summary>
    public static void MapAdminAssets(this WebApplication app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Admin", "assets")),
            RequestPath = "/admin/assets",
        });

    public static void UseAdmin(this WebApplication app)
    {
        // Back-office answers show one person's work and tokens: no browser or proxy keeps them,
        // so the back button after signing out shows nothing. Its assets were served before this.
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/admin"))
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            return next(http);
        });
        // Before sign-in is asked for: a fresh installation has nobody to sign in as.
        app.UseMiddleware<SetupFirst>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapAdmin(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPreview();
    }
}
