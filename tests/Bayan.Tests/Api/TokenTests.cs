using System.CommandLine;
using System.Net;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Bayan.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Api;

/// <summary>Personal access tokens: made in the back office and on the command line, shown once, kept hashed, refused once revoked, expired or locked.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class TokenTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(AdminClient Client, Accounts.User User)> SignedInAsync(string language, int[]? offices = null)
    {
        var user = await site.Seed.UserAsync(offices: offices ?? [(await site.Seed.OfficeAsync()).Id]);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return (client, user);
    }

    [Fact]
    public async Task A_token_made_in_the_back_office_is_shown_once_kept_hashed_and_works_until_revoked()
    {
        var (admin, user) = await SignedInAsync("en");
        using var _ = admin;

        var created = await admin.PostFormAsync("/admin/account/tokens", "/admin/account/tokens?handler=Create",
            [new("Name", "newsletter"), new("Scopes", "read"), new("Scopes", "write")]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("input#secret")!.GetAttribute("value")!;
        Assert.StartsWith("bayan_", secret);
        var stored = await site.Seed.WithDbAsync(db => db.AccessTokens.SingleAsync(t => t.UserId == user.Id));
        Assert.Equal("read write", stored.Scopes);
        Assert.Equal(TokenSecret.Hash(secret), stored.SecretHash);
        Assert.DoesNotContain(secret, stored.SecretHash + stored.Hint);
        var listed = await admin.PageAsync("/admin/account/tokens");
        Assert.Null(listed.QuerySelector("input#secret"));
        Assert.DoesNotContain(secret, listed.DocumentElement.OuterHtml);
        Assert.Contains("newsletter", listed.QuerySelector("table.tokens")!.TextContent);

        using var api = new ApiClient(site.BaseAddress, secret);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/releases/999999/editor")).StatusCode);

        var revoked = await admin.PostFormAsync("/admin/account/tokens", $"/admin/account/tokens?handler=Revoke&id={stored.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await api.GetAsync("/api/v1/releases/999999/editor");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The access token was revoked.", (string)(await ApiClient.ProblemAsync(refused))["detail"]!);
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"user:{user.Email}").Select(a => a.Action).ToListAsync());
        Assert.Equal(["token.created", "token.revoked"], audit.Order());
    }

    [Fact]
    public async Task The_tokens_page_speaks_arabic_right_to_left_and_refuses_a_scope_beyond_the_role()
    {
        var (admin, user) = await SignedInAsync("ar");
        using var _ = admin;

        var page = await admin.PageAsync("/admin/account/tokens");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("رموز الوصول", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull((await admin.PageAsync("/admin/account")).QuerySelector("a[href='/admin/account/tokens']"));

        var refused = await admin.PostFormAsync("/admin/account/tokens", "/admin/account/tokens?handler=Create",
            [new("Name", "site"), new("Scopes", "admin")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("لا يسمح دور الحساب بالنطاق admin.", form.QuerySelector("p.error")!.TextContent);
        Assert.False(await site.Seed.WithDbAsync(db => db.AccessTokens.AnyAsync(t => t.UserId == user.Id)));
    }

    [Fact]
    public async Task The_command_line_creates_lists_and_revokes_tokens()
    {
        var user = await site.Seed.UserAsync(moderator: true);

        var (created, secret, _) = await RunAsync("token", "create", "--user", user.Email!, "--name", "moderation bot", "--scope", "read", "--scope", "moderate", "--expires", "30d");
        Assert.Equal(0, created);
        Assert.StartsWith("bayan_", secret.Trim());
        using var api = new ApiClient(site.BaseAddress, secret.Trim());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/comments")).StatusCode);

        var (listed, list, _) = await RunAsync("token", "list", "--user", user.Email!);
        Assert.Equal(0, listed);
        Assert.Contains("moderation bot", list);
        Assert.Contains("read moderate", list);
        Assert.Contains("active", list);
        Assert.DoesNotContain(secret.Trim(), list);
        var token = await site.Seed.WithDbAsync(db => db.AccessTokens.SingleAsync(t => t.UserId == user.Id));
        // The command runs in a process of its own, on the system's clock.
        Assert.Equal(DateTime.UtcNow.AddDays(30), token.ExpiresAt!.Value, TimeSpan.FromMinutes(1));

        var (revoked, _, _) = await RunAsync("token", "revoke", "--user", user.Email!, "--name", "moderation bot");
        Assert.Equal(0, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/comments")).StatusCode);

        var (refused, _, error) = await RunAsync("token", "create", "--user", user.Email!, "--name", "x", "--scope", "publish");
        Assert.Equal(1, refused);
        Assert.Contains("cannot use the scope publish", error);
    }

    [Fact]
    public async Task A_missing_or_unknown_token_is_a_401_with_a_bearer_challenge()
    {
        using var anonymous = new ApiClient(site.BaseAddress, token: null, language: "ar");
        var missing = await anonymous.GetAsync("/api/v1/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer realm=\"bayan\"", missing.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Authorization: Bearer", (string)(await ApiClient.ProblemAsync(missing))["detail"]!);

        using var forged = new ApiClient(site.BaseAddress, TokenSecret.New());
        var unknown = await forged.GetAsync("/api/v1/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("error=\"invalid_token\"", unknown.Headers.WwwAuthenticate.ToString());
        Assert.Equal("The access token is not valid.", (string)(await ApiClient.ProblemAsync(unknown))["detail"]!);
    }

    [Fact]
    public async Task An_expired_token_and_a_locked_accounts_token_are_refused()
    {
        var user = await site.Seed.UserAsync(moderator: true);
        var (expiring, _) = await site.InScopeAsync(s => s.GetRequiredService<CreateToken>()
            .RunAsync(Accounts.Actor.System("tests"), user.Id, new TokenRequest("day", [TokenScope.Moderate], site.Now.AddHours(1)), default));
        using var api = new ApiClient(site.BaseAddress, expiring!.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/comments")).StatusCode);

        site.Clock!.Now = site.Clock.Now.AddHours(2);
        var expired = await api.GetAsync("/api/v1/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("The access token has expired.", (string)(await ApiClient.ProblemAsync(expired))["detail"]!);

        var other = await site.TokenAsync(user, TokenScope.Moderate);
        using var locked = site.Client(other);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, new DateTimeOffset(site.Now.AddMinutes(15)))));
        var refused = await locked.GetAsync("/api/v1/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The token's account is locked.", (string)(await ApiClient.ProblemAsync(refused))["detail"]!);
    }

    [Fact]
    public async Task The_last_use_is_written_at_most_every_few_minutes()
    {
        var user = await site.Seed.UserAsync(moderator: true);
        var token = await site.TokenAsync(user, TokenScope.Moderate);
        using var api = site.Client(token);
        Task<DateTime?> LastUsedAsync() => site.Seed.WithDbAsync(db => db.AccessTokens.Where(t => t.Id == token.Id).Select(t => t.LastUsedAt).SingleAsync());

        await api.GetAsync("/api/v1/comments");
        var first = await LastUsedAsync();
        site.Clock!.Now = site.Clock.Now.AddMinutes(1);
        await api.GetAsync("/api/v1/comments");
        Assert.Equal(first, await LastUsedAsync());

        site.Clock.Now = site.Clock.Now.Add(AuthenticateToken.UseGranularity);
        await api.GetAsync("/api/v1/comments");
        Assert.Equal(site.Now, (await LastUsedAsync())!.Value, TimeSpan.FromSeconds(1));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await BayanCommandLine.RunAsync([.. args, .. site.CommandLineSwitches(), "--Logging:LogLevel:Default", "Warning"],
            new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
