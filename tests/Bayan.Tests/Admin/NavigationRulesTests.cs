using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Admin;

/// <summary>The back office's navigation asks the same rules as the pages it links to: nobody sees a link to something they may not do.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class NavigationRulesTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] EditorLinks = ["/admin/releases/new", "/admin/media"];
    private static readonly string[] ManagerLinks = ["/admin/offices", "/admin/settings", "/admin/audit", "/admin/users"];

    private static async Task<IReadOnlyList<string>> NavigationAsync(AdminClient client) =>
        [.. (await client.PageAsync("/admin")).QuerySelectorAll("header.admin-bar nav a").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public async Task Rights_taken_away_after_signing_in_take_their_links_away_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var user = await site.Seed.UserAsync(administrator: true, moderator: true, offices: [office.Id]);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        Assert.Superset(new HashSet<string>([.. EditorLinks, .. ManagerLinks, "/admin/comments"]), (await NavigationAsync(client)).ToHashSet());

        // An administrator takes away every right while this person stays signed in.
        await site.Seed.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsAdministrator, false).SetProperty(u => u.IsModerator, false));
            await db.UserOffices.Where(o => o.UserId == user.Id).ExecuteDeleteAsync();
        });

        var links = await NavigationAsync(client);
        Assert.Equal(["/admin"], links);
        foreach (var link in EditorLinks.Concat(ManagerLinks).Append("/admin/comments"))
            Assert.NotEqual(System.Net.HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
    }
}
