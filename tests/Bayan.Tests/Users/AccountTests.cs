using Bayan.Operations;
using System.Net;
using Bayan.Accounts;
using Bayan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Users;

/// <summary>/admin/account: anyone's own language, password and sessions.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class AccountTests(UsersTestSite site) : IClassFixture<UsersTestSite>
{
    [Fact]
    public async Task Choosing_a_language_changes_the_back_office_at_once_right_to_left_for_arabic()
    {
        var user = await site.Seed.UserAsync(languages: ["en"]);
        using var person = await site.SignedInAsync(user);

        var response = await person.PostFormAsync("/admin/account", "/admin/account?handler=Language", [new("Language", "ar")]);
        var page = await person.PageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(Bayan.Localization.Messages.Get("ar", "users_language_saved"), page.Text(".notice"));
        Assert.Equal("ar", await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Language).SingleAsync()));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_this_session()
    {
        var user = await site.Seed.UserAsync();
        using var person = await site.SignedInAsync(user);
        using var elsewhere = await site.SignedInAsync(user);

        var wrong = await person.PostFormAsync("/admin/account", "/admin/account?handler=Password",
            [new("CurrentPassword", "not my password"), new("NewPassword", "my brand new password"), new("Repeat", "my brand new password")]);
        var weak = await person.PostFormAsync("/admin/account", "/admin/account?handler=Password",
            [new("CurrentPassword", Seed.Password), new("NewPassword", "tiny"), new("Repeat", "tiny")]);
        var good = await person.PostFormAsync("/admin/account", "/admin/account?handler=Password",
            [new("CurrentPassword", Seed.Password), new("NewPassword", "my brand new password"), new("Repeat", "my brand new password")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("current password is wrong", (await wrong.DocumentAsync()).Text(".error"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("at least 10 characters", (await weak.DocumentAsync()).Text(".error"));
        Assert.Equal("/admin/account?done=users_password_changed", good.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/admin/account")).StatusCode);
        Assert.Contains("/admin/login", (await elsewhere.GetAsync("/admin")).Headers.Location?.OriginalString);
        using var fresh = new AdminClient(site.BaseAddress);
        Assert.False(await fresh.SignInAsync(user.Email!, Seed.Password));
        Assert.True(await fresh.SignInAsync(user.Email!, "my brand new password"));
    }

    [Fact]
    public async Task The_operation_makes_the_stamp_check_fail_for_sessions_made_before_it()
    {
        var user = await site.Seed.UserAsync();
        var principal = await site.InScopeAsync(services => services.GetRequiredService<SignInManager<User>>().CreateUserPrincipalAsync(user));

        var outcome = await site.InScopeAsync(services => services.GetRequiredService<SignOutEverywhere>().RunAsync(Actor.System("tests"), user.Id, CancellationToken.None));
        var still = await site.InScopeAsync(services => services.GetRequiredService<SignInManager<User>>().ValidateSecurityStampAsync(principal));

        Assert.IsType<Outcome.Done>(outcome);
        Assert.Null(still);
    }
}
