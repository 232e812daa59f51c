using System.Net;
using Bayan.Tests.Support;

namespace Bayan.Tests.Users;

/// <summary>The back office's "Sign out": it works, and the cookie it ends is worth nothing afterwards, also copied.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SignOutTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_sign_out_form_carries_its_token_and_ends_the_session()
    {
        using var person = await site.SignedInAsync(await site.Seed.UserAsync(moderator: true));

        var response = await SignOutAsync(person);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", response.Headers.Location?.OriginalString);
        Assert.Contains("/admin/login", (await person.GetAsync("/admin")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_copied_cookie_is_worthless_once_its_session_signed_out()
    {
        var user = await site.Seed.UserAsync(moderator: true);
        using var person = await site.SignedInAsync(user);
        using var other = await site.SignedInAsync(user);
        using var copy = new AdminClient(site.BaseAddress);
        foreach (Cookie cookie in person.Cookies.GetAllCookies())
            copy.Cookies.Add(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin")).StatusCode);

        await SignOutAsync(person);

        Assert.Contains("/admin/login", (await copy.GetAsync("/admin")).Headers.Location?.OriginalString);
        // Only that session ended: the same person signed in elsewhere stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_at_once_without_waiting_for_the_stamp_check()
    {
        var user = await site.Seed.UserAsync(languages: ["en"]);
        using var laptop = await site.SignedInAsync(user);
        using var phone = await site.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);

        await laptop.PostFormAsync("/admin/account", "/admin/account?handler=SignOut", []);

        Assert.Contains("/admin/login", (await phone.GetAsync("/admin")).Headers.Location?.OriginalString);
    }

    /// <summary>Submits the sign-out form of the back office's bar, exactly as the page writes it.</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(AdminClient person)
    {
        var page = await person.PageAsync("/admin");
        var form = page.QuerySelector(".admin-bar form[action='/admin/logout']") ?? throw new Xunit.Sdk.XunitException("No sign-out form");
        var fields = form.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        return await person.PostFieldsAsync("/admin/logout", fields);
    }
}
