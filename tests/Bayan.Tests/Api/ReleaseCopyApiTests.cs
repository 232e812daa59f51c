using Bayan.Tests.Support;

namespace Bayan.Tests.Api;

/// <summary>
/// Without the output cache, the API's answer for one release is made from the release page's kept copy:
/// once read, the release costs the database nothing until it changes.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseCopyApiTests(CommandCountingSite site) : IClassFixture<CommandCountingSite>
{
    [Fact]
    public async Task A_release_read_once_is_answered_again_without_the_database_and_its_page_shares_the_copy()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var path = $"/api/v1/releases/{release.Id}";

        var first = await site.CommandsForAsync(path);
        var again = await site.CommandsForAsync(path);
        var page = await site.CommandsForAsync($"/en/{office.Code}/{release.Id}/{release.Versions.Single(v => v.Language == "en").Slug}");

        Assert.True(first > 0);
        Assert.Equal(0, again);
        Assert.Equal(0, page);
    }
}
