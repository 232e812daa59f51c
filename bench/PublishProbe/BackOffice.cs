using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Bayan.Bench;

/// <summary>
/// The back office as an editor's browser uses it: cookies kept, redirects not followed (their
/// targets say whether an action worked), every form posted with the token of the page it is on.
/// </summary>
internal sealed partial class BackOffice : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient http;

    public BackOffice(Uri site) =>
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = site,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>
    /// A site made by `bayan demo` has no administrator yet, so the first visit leads to setup, which
    /// creates one and signs in. A data folder kept from an earlier run has it already: then we sign in.
    /// </summary>
    public async Task SignInAsync(string email, string password)
    {
        var admin = await http.GetAsync("/admin");
        if (Location(admin).Contains("/admin/setup"))
        {
            var setup = await PostFormAsync("/admin/setup", "/admin/setup",
                [new("AdminName", "Benchmark"), new("Email", email), new("Password", password)]);
            await ExpectRedirectAsync(setup, "creating the first administrator at /admin/setup");
            return;
        }
        var login = await PostFormAsync("/admin/login", "/admin/login", [new("Email", email), new("Password", password)]);
        await ExpectRedirectAsync(login, $"signing in as {email} (a kept data folder must have been set up by this benchmark)");
    }

    /// <summary>The office and language a new release gets: the first office offered, and the language asked for if the site has it.</summary>
    public async Task<(string OfficeId, string Language)> ChooseOfficeAndLanguageAsync(string wanted)
    {
        var form = await PageAsync("/admin/releases/new");
        var office = form.QuerySelector("#OfficeId option")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The form /admin/releases/new offers no office.");
        var languages = form.QuerySelectorAll("#Language option").Select(o => o.GetAttribute("value") ?? "").ToList();
        var language = languages.Contains(wanted) ? wanted : languages.FirstOrDefault()
            ?? throw new InvalidOperationException("The form /admin/releases/new offers no language.");
        return (office, language);
    }

    /// <summary>Saves a draft and answers its id, read from the address the form sends the editor to.</summary>
    public async Task<int> CreateDraftAsync(string officeId, string language, string title, string slug, string summary, string body)
    {
        var response = await PostFormAsync("/admin/releases/new", "/admin/releases/new",
        [
            new("OfficeId", officeId), new("Type", "PressRelease"), new("Language", language),
            new("Title", title), new("Slug", slug), new("Summary", summary), new("Body", body), new("Tags", ""),
        ]);
        await ExpectRedirectAsync(response, "creating a draft at /admin/releases/new");
        var id = ReleaseId().Match(Location(response));
        return id.Success ? int.Parse(id.Groups[1].Value) : throw new InvalidOperationException($"No release id in {Location(response)}");
    }

    /// <summary>Publishes now; returns once Bayan has answered, that is once the publication is saved.</summary>
    public async Task PublishAsync(int id)
    {
        var response = await PostFormAsync($"/admin/releases/{id}", $"/admin/releases/{id}?handler=Publish", []);
        await ExpectRedirectAsync(response, $"publishing release {id}", mustContain: "done=publish_done");
    }

    /// <summary>
    /// Takes the benchmark's release off the listings again, so a kept data folder stays as generated. A
    /// retraction asks for a note in the release's language and a tick, since it cannot be undone.
    /// </summary>
    public async Task RetractAsync(int id, string language)
    {
        var response = await PostFormAsync($"/admin/releases/{id}", $"/admin/releases/{id}?handler=Retract",
            [new($"notes[{language}]", "Published by the benchmark to time publishing; not a real release."), new("confirmed", "true")]);
        await ExpectRedirectAsync(response, $"retracting release {id}");
    }

    /// <summary>The public address of a published release, from the "view" link of its detail page.</summary>
    public async Task<string> PublicPathAsync(int id, string language)
    {
        var page = await PageAsync($"/admin/releases/{id}");
        var prefix = $"/{language}/";
        return page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href") ?? "")
            .FirstOrDefault(href => href.StartsWith(prefix, StringComparison.Ordinal) && href.Contains($"/{id}/", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The detail page of release {id} links to no public page in '{language}'.");
    }

    public void Dispose() => http.Dispose();

    private async Task<IDocument> PageAsync(string path) =>
        await Parser.ParseDocumentAsync(await (await http.GetAsync(path)).Content.ReadAsStringAsync());

    /// <summary>Opens the page that holds the form, for its antiforgery token, then posts the fields to the form's action.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string page, string action, KeyValuePair<string, string>[] fields)
    {
        var form = await PageAsync(page);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no form token (signed out?)");
        return await http.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    private static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    /// <summary>Every action that worked redirects; a page with errors (or a sign-in page) means it did not.</summary>
    private static async Task ExpectRedirectAsync(HttpResponseMessage response, string doing, string? mustContain = null)
    {
        var location = Location(response);
        var worked = response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/admin/login")
            && !location.Contains("/admin/denied") && (mustContain is null || location.Contains(mustContain));
        if (worked)
            return;
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var errors = string.Join("; ", page.QuerySelectorAll(".error").Select(e => e.TextContent.Trim()));
        throw new InvalidOperationException($"Failed {doing}: {(int)response.StatusCode} {location} {errors}".TrimEnd());
    }

    [GeneratedRegex(@"^/admin/releases/(\d+)")]
    private static partial Regex ReleaseId();
}
