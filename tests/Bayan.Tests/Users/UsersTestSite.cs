using Bayan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Users;

/// <summary>
/// A test site whose sessions check the security stamp on every request instead of every minute,
/// so "sign out everywhere" shows at once instead of after a wait.
/// </summary>
public sealed class UsersTestSite : TestSite
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
}
