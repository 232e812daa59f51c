using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Users;

/// <summary>Only administrators manage users; sessions end when they should; lockout and unlock.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class AccessTests(UsersTestSite site) : IClassFixture<UsersTestSite>
{
    public enum Role { Editor, Translator, Moderator, Anonymous }

    [Theory]
    [InlineData(Role.Editor)]
    [InlineData(Role.Translator)]
    [InlineData(Role.Moderator)]
    [InlineData(Role.Anonymous)]
    public async Task Only_administrators_may_open_or_use_any_users_page_and_refusals_change_nothing(Role role)
    {
        var office = await site.Seed.OfficeAsync();
        var target = await site.Seed.UserAsync(offices: [office.Id]);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10)).SetProperty(u => u.AccessFailedCount, 5)));
        using var client = role == Role.Anonymous
            ? new AdminClient(site.BaseAddress)
            : await site.SignedInAsync(await site.Seed.UserAsync(
                moderator: role == Role.Moderator,
                offices: role == Role.Editor ? [office.Id] : null,
                languages: role == Role.Translator ? ["en"] : null));
        var sneaky = Seed.Unique("sneaky") + "@example.org";
        var before = await SnapshotAsync(target.Id);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["list"] = await client.GetAsync("/admin/users"),
            ["new form"] = await client.GetAsync("/admin/users/new"),
            ["edit form"] = await client.GetAsync($"/admin/users/{target.Id}"),
            ["missing user"] = await client.GetAsync("/admin/users/987654"),
            ["create"] = await client.PostFormAsync("/admin/login", "/admin/users/new", UsersClient.NewUserForm(sneaky, "Sneaky", administrator: true)),
            ["update"] = await client.PostFormAsync("/admin/login", $"/admin/users/{target.Id}",
                [new("DisplayName", "Renamed"), new("Language", "ar"), new("IsAdministrator", "true")]),
            ["link"] = await client.PostFormAsync("/admin/login", $"/admin/users/{target.Id}?handler=Link", []),
            ["unlock"] = await client.PostFormAsync("/admin/login", $"/admin/users/{target.Id}?handler=Unlock", []),
            ["sign out"] = await client.PostFormAsync("/admin/login", $"/admin/users/{target.Id}?handler=SignOut", []),
        };

        foreach (var (action, response) in answers)
        {
            Assert.True(UsersClient.Refused(response), $"{role} {action}: {response.StatusCode} {response.Headers.Location}");
            Assert.DoesNotContain("one-time", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await SnapshotAsync(target.Id));
        Assert.False(await site.Seed.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == sneaky)));
    }

    [Fact]
    public async Task Only_administrators_see_the_users_link()
    {
        using var admin = await site.AdministratorAsync();
        using var editor = await site.SignedInAsync(await site.Seed.UserAsync(offices: [(await site.Seed.OfficeAsync()).Id]));

        Assert.NotNull((await admin.PageAsync("/admin")).QuerySelector(".admin-bar a[href='/admin/users']"));
        Assert.Null((await editor.PageAsync("/admin")).QuerySelector(".admin-bar a[href='/admin/users']"));
        Assert.NotNull((await editor.PageAsync("/admin")).QuerySelector(".admin-bar a[href='/admin/account']"));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_sessions_at_once()
    {
        var user = await site.Seed.UserAsync(languages: ["en"]);
        using var laptop = await site.SignedInAsync(user);
        using var phone = await site.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);

        var response = await laptop.PostFormAsync("/admin/account", "/admin/account?handler=SignOut", []);

        Assert.Equal("/admin/login", response.Headers.Location?.OriginalString);
        Assert.Contains("/admin/login", (await phone.GetAsync("/admin")).Headers.Location?.OriginalString);
        Assert.Contains("/admin/login", (await laptop.GetAsync("/admin")).Headers.Location?.OriginalString);
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.signed-out-everywhere" && a.Subject == $"user:{user.Email}")));
    }

    [Fact]
    public async Task An_administrator_signs_someone_out_everywhere()
    {
        var user = await site.Seed.UserAsync(moderator: true);
        using var session = await site.SignedInAsync(user);
        using var admin = await site.AdministratorAsync();

        var response = await admin.PostFormAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}?handler=SignOut", []);

        Assert.Equal($"/admin/users/{user.Id}?done=users_signed_out_everywhere", response.Headers.Location?.OriginalString);
        Assert.Contains("Every session", (await admin.PageAsync(response.Headers.Location!.OriginalString)).Text(".notice"));
        Assert.Contains("/admin/login", (await session.GetAsync("/admin")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_an_account_until_an_administrator_unlocks_it()
    {
        var user = await site.Seed.UserAsync();
        using var person = new AdminClient(site.BaseAddress);
        for (var i = 0; i < 5; i++)
            Assert.False(await person.SignInAsync(user.Email!, "not the password at all"));

        var locked = await person.PostFormAsync("/admin/login", [new("Email", user.Email!), new("Password", Seed.Password)]);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", (await locked.DocumentAsync()).Text(".error"));
        using var admin = await site.AdministratorAsync();
        var row = (await admin.PageAsync("/admin/users")).QuerySelectorAll("table.users tr").Single(r => r.TextContent.Contains(user.Email!));
        Assert.NotNull(row.QuerySelector(".locked"));
        Assert.NotNull((await admin.PageAsync($"/admin/users/{user.Id}")).QuerySelector("form[action*='handler=Unlock']"));

        var unlock = await admin.PostFormAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}?handler=Unlock", []);

        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Null((await admin.PageAsync($"/admin/users/{user.Id}")).QuerySelector("form[action*='handler=Unlock']"));
        Assert.True(await person.SignInAsync(user.Email!, Seed.Password));
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.unlocked" && a.Subject == $"user:{user.Email}")));
    }

    [Fact]
    public async Task Setting_a_password_from_a_link_also_lifts_a_lockout()
    {
        var user = await site.Seed.UserAsync();
        using var person = new AdminClient(site.BaseAddress);
        for (var i = 0; i < 5; i++)
            Assert.False(await person.SignInAsync(user.Email!, "not the password at all"));
        using var admin = await site.AdministratorAsync();
        var reset = await admin.PostFormAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}?handler=Link", []);

        var set = await person.SetPasswordAsync(UsersClient.LinkIn(await reset.DocumentAsync()), "back in with a new password");

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.True(await person.SignInAsync(user.Email!, "back in with a new password"));
    }

    [Fact]
    public async Task An_administrator_changes_roles_and_the_person_can_act_on_them_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        var user = await site.Seed.UserAsync(languages: ["en"]);
        using var person = await site.SignedInAsync(user);
        using var admin = await site.AdministratorAsync();
        Assert.True(UsersClient.Refused(await person.GetAsync("/admin/releases/new")));
        var form = (await admin.PageAsync($"/admin/users/{user.Id}")).QuerySelector("form.form")!;
        Assert.NotNull(form.QuerySelector($"input[name=LanguageCodes][value=en][checked]"));

        var saved = await admin.PostFormAsync($"/admin/users/{user.Id}",
            [new("DisplayName", "Promoted"), new("Language", "tr"), new("OfficeIds", office.Id.ToString()), new("IsModerator", "true")]);

        Assert.Equal($"/admin/users/{user.Id}?done=users_saved", saved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/admin/releases/new")).StatusCode);
        var stored = await site.Seed.WithDbAsync(db => db.Users.AsNoTracking().Include(u => u.Offices).Include(u => u.Languages).SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Promoted", "tr", true, false), (stored.DisplayName, stored.Language, stored.IsModerator, stored.IsAdministrator));
        Assert.Equal([office.Id], stored.Offices.Select(o => o.OfficeId));
        Assert.Empty(stored.Languages);
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.changed" && a.Subject == $"user:{user.Email}")));
    }

    [Fact]
    public async Task An_administrator_cannot_take_the_role_from_themselves_but_from_another_administrator()
    {
        var me = await site.Seed.UserAsync(administrator: true);
        var other = await site.Seed.UserAsync(administrator: true);
        using var admin = await site.SignedInAsync(me);
        using var otherSession = await site.SignedInAsync(other);

        var own = await admin.PostFormAsync($"/admin/users/{me.Id}", [new("DisplayName", me.DisplayName), new("Language", "en")]);
        var theirs = await admin.PostFormAsync($"/admin/users/{other.Id}", [new("DisplayName", other.DisplayName), new("Language", "en")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("from yourself", (await own.DocumentAsync()).Text(".error"));
        Assert.True(await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.IsAdministrator).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.True(UsersClient.Refused(await otherSession.GetAsync("/admin/users")));
    }

    /// <summary>Everything a users action could change about an account, and the audit entries about it.</summary>
    private Task<string> SnapshotAsync(int userId) => site.Seed.WithDbAsync(async db =>
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Offices).Include(u => u.Languages).SingleAsync(u => u.Id == userId);
        var audit = await db.AuditEntries.CountAsync(a => a.Subject == $"user:{user.Email}");
        return $"{user.DisplayName}|{user.Language}|{user.IsAdministrator}|{user.IsModerator}|{user.SecurityStamp}|{user.ConcurrencyStamp}|" +
            $"{user.PasswordHash}|{user.LockoutEnd}|{user.AccessFailedCount}|{string.Join(",", user.Offices.Select(o => o.OfficeId))}|" +
            $"{string.Join(",", user.Languages.Select(l => l.Language))}|audit={audit}";
    });
}
