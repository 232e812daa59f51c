using Bayan.Accounts;
using Bayan.Data;
using Bayan.Navigation;
using Bayan.Tokens;
using Bayan.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Bayan.Web.Admin;

internal static class AdminSetup
{
    public const string CookieName = "bayan.admin";

    /// <summary>Identity's password hashing, lockout and security stamps; a cookie that only the back office ever sees.</summary>
    public static void AddAdmin(this WebApplicationBuilder builder, BayanOptions options)
    {
        var services = builder.Services;
        services.AddIdentityCore<User>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
            })
            .AddSignInManager()
            .AddClaimsPrincipalFactory<BayanClaims>()
            .AddEntityFrameworkStores<BayanDb>()
            .AddDefaultTokenProviders();
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
        services.AddScoped<SetUpSite>();
        services.AddAccounts();
        services.AddTokens();
        services.AddScoped<Editing.CreateRelease>();
        services.AddScoped<Editing.SaveVersion>();
        services.AddScoped<Editing.RestoreRevision>();
        services.AddScoped<Editing.UpdateReleaseDetails>();
        services.AddScoped<Editing.ReviewHeldEdits>();
        services.AddScoped<Editing.EditingQueries>();
        services.AddManagement();
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
