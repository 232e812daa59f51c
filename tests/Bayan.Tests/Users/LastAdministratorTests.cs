using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Users;

/// <summary>A site of its own with exactly one administrator, as the test site is set up.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class LastAdministratorTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_last_administrator_keeps_the_role_even_when_the_command_line_asks()
    {
        var admin = await site.Seed.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.IsAdministrator));

        var outcome = await site.InScopeAsync(services => services.GetRequiredService<UpdateUser>().RunAsync(
            Actor.System("cli"), admin.Id, new UserForm(admin.DisplayName, "en", false, false, [], []), CancellationToken.None));

        var invalid = Assert.IsType<Outcome.Invalid>(outcome);
        Assert.Equal("users_last_admin", invalid.Errors["administrator"].Key);
        Assert.True(await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.IsAdministrator).SingleAsync()));
    }
}
