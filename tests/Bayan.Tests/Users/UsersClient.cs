using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bayan.Accounts;
using Bayan.Tests.Support;

namespace Bayan.Tests.Users;

/// <summary>What the users tests do through HTTP, named once.</summary>
internal static class UsersClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<AdminClient> SignedInAsync(this TestSite site, User user, string password = Seed.Password)
    {
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, password), $"{user.Email} could not sign in");
        return client;
    }

    public static async Task<AdminClient> AdministratorAsync(this TestSite site) =>
        await site.SignedInAsync(await site.Seed.UserAsync(administrator: true));

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static KeyValuePair<string, string>[] NewUserForm(string email, string name, int[]? offices = null, string[]? languages = null, bool administrator = false, string language = "en") =>
    [
        new("Email", email), new("DisplayName", name), new("Language", language),
        .. administrator ? [new KeyValuePair<string, string>("IsAdministrator", "true")] : Array.Empty<KeyValuePair<string, string>>(),
        .. (offices ?? []).Select(o => new KeyValuePair<string, string>("OfficeIds", o.ToString())),
        .. (languages ?? []).Select(l => new KeyValuePair<string, string>("LanguageCodes", l)),
    ];

    /// <summary>Creates the account through /admin/users/new and answers the path of its one-time link.</summary>
    public static async Task<string> CreateUserAsync(this AdminClient admin, KeyValuePair<string, string>[] form)
    {
        var response = await admin.PostFormAsync("/admin/users/new", form);
        var page = await response.DocumentAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {page.QuerySelector(".error")?.TextContent}");
        return LinkIn(page);
    }

    /// <summary>The link as the administrator copies it from the read-only field; the path and query of it.</summary>
    public static string LinkIn(IDocument page)
    {
        var value = page.QuerySelector("input.copy[readonly]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The page shows no one-time link.");
        var url = new Uri(value);
        Assert.Equal(PasswordLink.Path, url.AbsolutePath);
        return url.PathAndQuery;
    }

    /// <summary>
    /// Submits the link's form as its recipient would, the password twice. The antiforgery token comes
    /// from the sign-in page, since a dead link's page has no form (someone may have kept an old one open).
    /// </summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(this AdminClient client, string link, string password, string? repeat = null)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        return await client.PostFormAsync("/admin/login", link,
            [new("user", query["user"]!), new("Token", query["token"]!), new("Password", password), new("Repeat", repeat ?? password)]);
    }

    public static bool Refused(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode is HttpStatusCode.Redirect && (location.Contains("/admin/denied") || location.Contains("/admin/login")));
    }
}
