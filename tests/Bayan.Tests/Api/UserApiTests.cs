using System.Net;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>Back-office accounts through the API: the back office's user pages, for administrators' tokens with the admin scope.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class UserApiTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(ApiClient Api, NewToken Token, int UserId)> AdminAsync(string language = "en", params TokenScope[] scopes)
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var token = await site.TokenAsync(user, scopes.Length == 0 ? [TokenScope.Admin] : scopes);
        return (site.Client(token, language), token, user.Id);
    }

    private static string Email() => Seed.Unique("amina") + "@example.org";

    [Fact]
    public async Task An_administrator_creates_lists_changes_and_unlocks_an_account_and_its_link_lets_the_person_in()
    {
        var (api, token, _) = await AdminAsync();
        using var client = api;
        var office = await site.Seed.OfficeAsync();
        var email = Email();

        var created = await api.PostAsync("/api/v1/users", new { email, name = "Amina Haddad", offices = new[] { office.Id }, languages = new[] { "en" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await ApiClient.JsonAsync(created);
        var id = (int)answer["user"]!["id"]!;
        Assert.DoesNotContain(answer["user"]!.AsObject(), p => p.Key.Contains("hash", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("stamp", StringComparison.OrdinalIgnoreCase));
        var stamp = await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        Assert.DoesNotContain(stamp!, answer.ToJsonString());
        Assert.Equal($"/api/v1/users/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal([office.Id], answer["user"]!["offices"]!.AsArray().Select(o => (int)o!));
        Assert.False((bool)answer["user"]!["passwordSet"]!);
        var firstLink = (string)answer["passwordLink"]!["url"]!;
        Assert.StartsWith(new Uri(site.BaseAddress, "/admin/password?user=").ToString(), firstLink);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(firstLink)).StatusCode);

        var everyone = new List<int>();
        for (var next = "/api/v1/users?limit=1"; next is not null;)
        {
            var page = await ApiClient.JsonAsync(await api.GetAsync(next));
            everyone.AddRange(page["items"]!.AsArray().Select(u => (int)u!["id"]!));
            next = (string?)page["next"];
            Assert.True(everyone.Count <= (int)page["total"]!);
        }
        Assert.Contains(id, everyone);
        Assert.Equal(everyone.Count, everyone.Distinct().Count());

        var changed = await api.PutAsync($"/api/v1/users/{id}", new { offices = Array.Empty<int>(), writerOffices = new[] { office.Id }, moderator = true });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var account = await ApiClient.JsonAsync(changed);
        Assert.Empty(account["offices"]!.AsArray());
        Assert.Equal([office.Id], account["writerOffices"]!.AsArray().Select(o => (int)o!));
        Assert.True((bool)account["moderator"]!);
        // Left out, so kept.
        Assert.Equal("Amina Haddad", (string)account["name"]!);
        Assert.Equal(["en"], account["languages"]!.AsArray().Select(l => (string)l!));

        await site.Seed.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.LockoutEnd = site.Clock!.Now.AddMinutes(15);
            await db.SaveChangesAsync();
        });
        Assert.NotNull((string?)(await ApiClient.JsonAsync(await api.GetAsync($"/api/v1/users/{id}")))["lockedUntil"]);
        var unlocked = await api.PostAsync($"/api/v1/users/{id}/unlock");
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Null((string?)(await ApiClient.JsonAsync(unlocked))["lockedUntil"]);
        Assert.Null(await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));

        var link = await api.PostAsync($"/api/v1/users/{id}/password-link");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var secondLink = (string)(await ApiClient.JsonAsync(link))["url"]!;
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(secondLink)).StatusCode);
        // A new link ends the old one.
        Assert.Equal(HttpStatusCode.Gone, (await site.Http.GetAsync(firstLink)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/users/{id}/sign-out-everywhere")).StatusCode);

        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"user:{email}").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["user.created", "user.changed", "user.unlocked", "user.password-link", "user.signed-out-everywhere"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.EndsWith($"(token {token.Name})", a.Actor));
    }

    [Fact]
    public async Task Nobody_but_an_administrators_admin_token_manages_accounts()
    {
        var office = await site.Seed.OfficeAsync();
        var editor = await site.Seed.UserAsync(offices: [office.Id]);
        using var editorApi = site.Client(await site.TokenAsync(editor, TokenScope.Write, TokenScope.Publish));
        var (readApi, _, _) = await AdminAsync(scopes: [TokenScope.Read]);
        using var reader = readApi;
        var email = Email();

        foreach (var api in new[] { editorApi, reader })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/users/{editor.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/users", new { email, name = "Intruder", administrator = true })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync($"/api/v1/users/{editor.Id}", new { administrator = true })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/users/{editor.Id}/password-link")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/users/{editor.Id}/unlock")).StatusCode);
        }

        Assert.False(await site.Seed.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == editor.Id).Select(u => u.IsAdministrator).SingleAsync()));
    }

    [Fact]
    public async Task Invalid_accounts_are_422_with_field_errors_in_the_clients_language_and_unknown_ids_404()
    {
        var (api, _, selfId) = await AdminAsync(language: "ar");
        using var client = api;
        var email = "not an address";

        var created = await api.PostAsync("/api/v1/users", new { email, name = "", offices = new[] { 999999 } });
        var demoted = await api.PutAsync($"/api/v1/users/{selfId}", new { administrator = false });
        var badPage = await api.GetAsync("/api/v1/users?limit=0");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        var problem = await ApiClient.ProblemAsync(created);
        Assert.Equal(["email", "name", "offices"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Matches(@"\p{IsArabic}", (string)problem["errors"]!["email"]![0]!);
        Assert.False(await site.Seed.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoted.StatusCode);
        Assert.Equal("users_keep_own_admin", (string)(await ApiClient.ProblemAsync(demoted))["codes"]!["administrator"]!);
        Assert.True(await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == selfId).Select(u => u.IsAdministrator).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/users/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync("/api/v1/users/999999", new { name = "Nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/users/999999/unlock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/users/999999/password-link")).StatusCode);
    }
}
