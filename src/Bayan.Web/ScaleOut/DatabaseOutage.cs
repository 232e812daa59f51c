using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Bayan.Localization;
using Npgsql;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// When the database cannot be reached, every page that needs it answers 503 with a short page in
/// the reader's language that asks them to come back shortly (Retry-After), made without the
/// database, the theme or the site's settings. Nothing needs restarting: the next request that finds
/// the database again is served as usual.
/// </summary>
internal static class DatabaseOutage
{
    public const int RetryAfterSeconds = 30;

    /// <summary>The failure, or one it wraps (EF Core wraps failed saves), is the database being away.</summary>
    public static bool Caused(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SocketException or TimeoutException
                || (e is DbException db && db.IsTransient))
                return true;
        }
        return false;
    }

    /// <param name="messageKey">What is away, in the words of the message catalogue: the database unless told otherwise.</param>
    public static async Task WriteAsync(HttpContext http, string messageKey = "unavailable_message")
    {
        if (http.Response.HasStarted)
            return;
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        var language = Languages.Get(LanguageOf(http));
        string Text(string key) => WebUtility.HtmlEncode(Messages.Get(language.Code, key));
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"{language.Code}\" dir=\"{language.Direction}\"><meta charset=\"utf-8\">" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{Text("unavailable_title")}</title>" +
            "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6\">" +
            $"<h1>{Text("unavailable_title")}</h1><p>{Text(messageKey)}</p>" +
            $"<p><a href=\"{WebUtility.HtmlEncode(http.Request.Path.Value ?? "/")}\">{Text("unavailable_again")}</a></p></body></html>");
    }

    /// <summary>The language in the address (/ar/...), else the browser's first one Bayan translates, else English.</summary>
    private static string LanguageOf(HttpContext http)
    {
        var translated = Messages.Translated.ToHashSet(StringComparer.Ordinal);
        var first = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is not null && translated.Contains(first))
            return first;
        var asked = http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(code => code is not null && translated.Contains(code));
        return asked ?? Messages.Fallback;
    }
}
