using System.Net;
using Bayan.Accounts;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Api;

/// <summary>/admin/tokens: administrators see every account's tokens and revoke any of them; nobody else sees or revokes another's.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class AllTokensTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(AdminClient Client, User User)> SignedInAsync(bool administrator, string language = "en")
    {
        var user = administrator
            ? await site.Seed.UserAsync(administrator: true)
            : await site.Seed.UserAsync(offices: [(await site.Seed.OfficeAsync()).Id]);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return (client, user);
    }

    [Fact]
    public async Task An_administrator_sees_every_accounts_tokens_and_revokes_another_persons_token()
    {
        var owner = await site.Seed.UserAsync(moderator: true);
        var other = await site.Seed.UserAsync(moderator: true);
        var token = await site.TokenAsync(owner, TokenScope.Moderate);
        var kept = await site.TokenAsync(other, TokenScope.Moderate);
        using var api = site.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/comments")).StatusCode);
        var (admin, administrator) = await SignedInAsync(administrator: true);
        using var _ = admin;

        var list = await admin.PageAsync("/admin/tokens");
        Assert.NotNull((await admin.PageAsync("/admin")).QuerySelector("header.admin-bar a[href='/admin/tokens']"));
        var row = list.QuerySelector($"tr[data-token='{token.Id}']")!;
        Assert.Contains(owner.Email!, row.TextContent);
        Assert.Contains(token.Name, row.TextContent);
        Assert.Contains("moderate", row.TextContent);
        Assert.Equal("Active", row.QuerySelector(".token-state")!.TextContent.Trim());
        Assert.Contains(other.Email!, list.QuerySelector($"tr[data-token='{kept.Id}']")!.TextContent);
        Assert.DoesNotContain(token.Secret, list.DocumentElement.OuterHtml);

        var revoked = await admin.PostFormAsync("/admin/tokens", $"/admin/tokens?handler=Revoke&id={token.Id}", []);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await admin.PageAsync(revoked.Headers.Location!.OriginalString);
        Assert.Equal($"The token {token.Name} of {owner.DisplayName} was revoked: it works no more.", after.QuerySelector("p.notice")!.TextContent);
        Assert.StartsWith("Revoked", after.QuerySelector($"tr[data-token='{token.Id}'] .token-state")!.TextContent.Trim());
        var refused = await api.GetAsync("/api/v1/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The access token was revoked.", (string)(await ApiClient.ProblemAsync(refused))["detail"]!);
        using var stillWorks = site.Client(kept);
        Assert.Equal(HttpStatusCode.OK, (await stillWorks.GetAsync("/api/v1/comments")).StatusCode);
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == $"user:{owner.Email}" && a.Action == "token.revoked"));
        Assert.Equal(administrator.DisplayName, audit.Actor);
        Assert.Equal(token.Name, audit.Details);
    }

    [Fact]
    public async Task Others_are_denied_the_list_and_cannot_revoke_another_persons_token_through_it()
    {
        var owner = await site.Seed.UserAsync(moderator: true);
        var token = await site.TokenAsync(owner, TokenScope.Moderate);
        var (editor, _) = await SignedInAsync(administrator: false);
        using var _ = editor;

        var list = await editor.GetAsync("/admin/tokens");
        var revoke = await editor.PostFormAsync("/admin/account/tokens", $"/admin/tokens?handler=Revoke&id={token.Id}", []);

        Assert.Equal("/admin/denied", new Uri(site.BaseAddress, list.Headers.Location!).AbsolutePath);
        Assert.Equal("/admin/denied", new Uri(site.BaseAddress, revoke.Headers.Location!).AbsolutePath);
        Assert.Null((await editor.PageAsync("/admin")).QuerySelector("header.admin-bar a[href='/admin/tokens']"));
        using var api = site.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/comments")).StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == $"user:{owner.Email}" && a.Action == "token.revoked")));
    }

    [Fact]
    public async Task The_list_is_in_pages_newest_first_and_speaks_arabic()
    {
        var owner = await site.Seed.UserAsync(moderator: true);
        var older = await site.TokenAsync(owner, TokenScope.Read);
        var newer = await site.TokenAsync(owner, TokenScope.Read);
        var administrator = Actor.From(await site.Seed.UserAsync(administrator: true));

        var first = await site.InScopeAsync(s => s.GetRequiredService<TokenQueries>().AllAsync(administrator, 1, 1, default));
        var second = await site.InScopeAsync(s => s.GetRequiredService<TokenQueries>().AllAsync(administrator, 2, 1, default));
        var refused = await site.InScopeAsync(s => s.GetRequiredService<TokenQueries>().AllAsync(Actor.From(owner), 1, 10, default));

        Assert.Equal([newer.Id, older.Id], first!.Select(t => t.Token.Id));
        Assert.Equal(older.Id, second![0].Token.Id);
        Assert.Equal(owner.DisplayName, first![0].OwnerName);
        Assert.Null(refused);
        var (admin, _) = await SignedInAsync(administrator: true, language: "ar");
        using var _ = admin;
        var page = await admin.PageAsync("/admin/tokens");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("رموز الوصول لكل الحسابات", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("نشط", page.QuerySelector($"tr[data-token='{newer.Id}'] .token-state")!.TextContent.Trim());
    }
}
