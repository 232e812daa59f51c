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

        var ofOwner = new TokenFilter(Owner: owner.Email);
        var first = await site.InScopeAsync(s => s.GetRequiredService<TokenQueries>().AllAsync(administrator, ofOwner, Now(s), 1, 1, default));
        var second = await site.InScopeAsync(s => s.GetRequiredService<TokenQueries>().AllAsync(administrator, ofOwner, Now(s), 2, 1, default));
        var refused = await site.InScopeAsync(s => s.GetRequiredService<TokenQueries>().AllAsync(Actor.From(owner), new TokenFilter(), Now(s), 1, 10, default));

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

    [Fact]
    public async Task The_list_is_narrowed_to_a_state_and_an_owner_and_its_pages_keep_what_was_asked()
    {
        var owner = await site.Seed.UserAsync(moderator: true);
        var other = await site.Seed.UserAsync(moderator: true);
        var live = await site.TokenAsync(owner, TokenScope.Read);
        var revoked = await site.TokenAsync(owner, TokenScope.Read);
        var others = await site.TokenAsync(other, TokenScope.Read);
        var (admin, _) = await SignedInAsync(administrator: true);
        using var _ = admin;
        await admin.PostFormAsync("/admin/tokens", $"/admin/tokens?handler=Revoke&id={revoked.Id}", []);

        // The owner is found by a part of the address, whatever its case.
        var part = owner.Email!.Split('@')[0].ToUpperInvariant();
        var owners = await admin.PageAsync($"/admin/tokens?owner={Uri.EscapeDataString(part)}");
        var ownersLive = await admin.PageAsync($"/admin/tokens?owner={Uri.EscapeDataString(part)}&state=live");
        var allRevoked = await admin.PageAsync("/admin/tokens?state=revoked");
        var nobody = await admin.PageAsync("/admin/tokens?owner=no-such-person&state=expired");

        Assert.Equal([revoked.Id, live.Id], Shown(owners));
        Assert.Equal([live.Id], Shown(ownersLive));
        Assert.Equal(part, ownersLive.QuerySelector("form.token-filter input#owner")!.GetAttribute("value"));
        Assert.Equal("live", ownersLive.QuerySelector("form.token-filter select#state option[selected]")!.GetAttribute("value"));
        Assert.Contains(revoked.Id, Shown(allRevoked));
        Assert.DoesNotContain(live.Id, Shown(allRevoked));
        Assert.DoesNotContain(others.Id, Shown(allRevoked));
        Assert.Empty(Shown(nobody));
        Assert.Equal("No token matches what you asked for.", nobody.QuerySelector("main p:not(.muted)")!.TextContent);
        // Revoking from a narrowed list comes back to the same narrowed list.
        var back = await admin.PostFormAsync($"/admin/tokens?owner={part}&state=live", $"/admin/tokens?handler=Revoke&id={live.Id}&p=1&state=live&owner={part}", []);
        Assert.Equal($"/admin/tokens?p=1&state=live&owner={part}&revoked={live.Id}", back.Headers.Location!.OriginalString);
    }

    private static int[] Shown(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("tr[data-token]").Select(r => int.Parse(r.GetAttribute("data-token")!))];

    private static DateTime Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
