using System.Net;
using AngleSharp.Html.Parser;

namespace Bayan.Tests.Support;

/// <summary>A browser-like HTTP client for the back office: keeps cookies and sends each form's antiforgery token.</summary>
public sealed class AdminClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient http;

    public AdminClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public async Task<AngleSharp.Dom.IDocument> PageAsync(string path)
    {
        var response = await http.GetAsync(path);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the page that holds the form (for its token), then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await PageAsync(formPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>
    /// Posts a reader's comment as the release page's script does: the shared page carries no token,
    /// so one (with its cookie) comes from the token address first.
    /// </summary>
    public async Task<HttpResponseMessage> PostCommentAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await http.GetStringAsync(Bayan.Web.PublicSite.CommentsEndpoint.TokenPath);
        return await http.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts exactly these fields, as a browser without script sends a form.</summary>
    public Task<HttpResponseMessage> PostFieldsAsync(string action, IEnumerable<KeyValuePair<string, string>> fields) =>
        http.PostAsync(action, new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> PostFormAsync(string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        PostFormAsync(page, page, fields);

    /// <summary>Posts a file as a browser's upload form would, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string page, string fileName, byte[] bytes)
    {
        var form = await PageAsync(page);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await http.PostAsync(page, content);
    }

    public async Task<bool> SignInAsync(string email, string password)
    {
        var response = await PostFormAsync("/admin/login", [new("Email", email), new("Password", password)]);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    public void Dispose() => http.Dispose();
}
