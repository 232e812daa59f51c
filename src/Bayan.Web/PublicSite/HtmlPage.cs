using Bayan.Themes;

namespace Bayan.Web.PublicSite;

/// <summary>
/// A rendered page as it is sent: its UTF-8 bytes, written once with their length, then their
/// buffer goes back to the pool.
/// </summary>
internal sealed class HtmlPage(Utf8Buffer html, int status) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string MediaType = "text/html; charset=utf-8";

    public int? StatusCode => status;

    public string ContentType => MediaType;

    public async Task ExecuteAsync(HttpContext http)
    {
        using (html)
        {
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = MediaType;
            response.ContentLength = html.Written.Length;
            await response.Body.WriteAsync(html.Written, http.RequestAborted);
        }
    }
}
