using System.Data.Common;
using Bayan.Localization;
using Bayan.Web.Api;
using Bayan.Web.PublicSite;
using Bayan.Web.ScaleOut;
using Microsoft.AspNetCore.Diagnostics;
using Bayan.Sites;

namespace Bayan.Web.Errors;

/// <summary>
/// No reader ever sees a stack trace: unexpected failures and bare status codes become the
/// theme's localized error page, and if even that fails, a plain page. Under /api they become
/// problem details in the client's language instead (<see cref="ApiProblems"/>).
/// </summary>
internal static class ErrorPages
{
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (ApiProblems.Owns(http))
                {
                    await ApiProblems.WriteAsync(http, error switch
                    {
                        BadHttpRequestException bad => bad.StatusCode,
                        _ when KeyRingOutage.Caused(error) || DatabaseOutage.Caused(error) => StatusCodes.Status503ServiceUnavailable,
                        DbException or TimeoutException => StatusCodes.Status503ServiceUnavailable,
                        _ => StatusCodes.Status500InternalServerError,
                    });
                    return;
                }
                // Checked first: Redis's timeouts are timeouts too, but the database is fine.
                if (KeyRingOutage.Caused(error))
                {
                    await DatabaseOutage.WriteAsync(http, KeyRingOutage.MessageKey);
                    return;
                }
                // The themed page needs the database too: the outage page is made without it.
                if (DatabaseOutage.Caused(error))
                {
                    await DatabaseOutage.WriteAsync(http);
                    return;
                }
                var status = error switch
                {
                    BadHttpRequestException bad => bad.StatusCode,
                    DbException or TimeoutException => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status500InternalServerError,
                };
                await WriteAsync(http, status);
            },
        });
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0 || !string.IsNullOrEmpty(http.Response.ContentType))
                return;
            if (ApiProblems.Owns(http))
                await ApiProblems.WriteAsync(http, http.Response.StatusCode);
            else
                await WriteAsync(http, http.Response.StatusCode);
        });
    }

    private static async Task WriteAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        try
        {
            var services = http.RequestServices;
            var site = await services.GetRequiredService<SiteReader>().LoadAsync(http.RequestAborted);
            if (site is not null)
            {
                var lang = LanguageOf(http.Request.Path, site);
                var pages = services.GetRequiredService<PageRenderer>();
                var key = $"error_{status}_message";
                var message = Messages.For(lang).ContainsKey(key) ? Messages.Get(lang, key) : Messages.Get(lang, "error_500_message");
                var result = await pages.ErrorAsync(http, site, lang, status, message);
                await result.ExecuteAsync(http);
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILogger<WebApplication>>()
                .LogError(e, "The themed error page for status {Status} failed; a plain one is sent.", status);
        }
        await WritePlainAsync(http, status);
    }

    private static string LanguageOf(PathString path, SiteSnapshot site)
    {
        var first = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return site.IsEnabled(first) ? first! : site.Site.DefaultLanguage;
    }

    private static async Task WritePlainAsync(HttpContext http, int status)
    {
        if (http.Response.HasStarted)
            return;
        http.Response.Clear();
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var (title, message) = status switch
        {
            404 => ("Page not found", "The page you asked for does not exist."),
            503 => ("Temporarily unavailable", "The site cannot reach its database. Please try again in a moment."),
            >= 500 => ("Something went wrong", "The page could not be shown. Please try again in a moment."),
            _ => ("Bad request", "The request could not be understood."),
        };
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{title}</title>" +
            $"<body style=\"font-family:sans-serif;max-width:40rem;margin:4rem auto\"><h1>{title}</h1><p>{message}</p><p><a href=\"/\">Home</a></p></body></html>");
    }
}
