using System.Net;
using Bayan.Accounts;
using Bayan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bayan.Tests.Users;

/// <summary>An administrator invites people; they choose their password through a one-time link and act as their roles say.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class InvitationTests(UsersTestSite site) : IClassFixture<UsersTestSite>
{
    [Fact]
    public async Task Invited_editor_and_translator_set_their_passwords_and_may_do_what_their_roles_say()
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await site.AdministratorAsync();
        var editorEmail = Seed.Unique("editor") + "@example.org";
        var translatorEmail = Seed.Unique("translator") + "@example.org";

        var editorLink = await admin.CreateUserAsync(UsersClient.NewUserForm(editorEmail, "Layla Editor", offices: [office.Id]));
        var translatorLink = await admin.CreateUserAsync(UsersClient.NewUserForm(translatorEmail, "Omar Translator", languages: ["en"]));

        using var editor = new AdminClient(site.BaseAddress);
        var form = await editor.GetAsync(editorLink);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(form.Headers.CacheControl?.NoStore);
        Assert.NotNull((await form.DocumentAsync()).QuerySelector("main form input[type=password]"));
        var set = await editor.SetPasswordAsync(editorLink, "a fresh editor password");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("saved", (await editor.PageAsync(set.Headers.Location!.OriginalString)).Text(".notice"));
        Assert.True(await editor.SignInAsync(editorEmail, "a fresh editor password"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/releases/new")).StatusCode);

        using var translator = new AdminClient(site.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await translator.SetPasswordAsync(translatorLink, "a fresh translator password")).StatusCode);
        Assert.True(await translator.SignInAsync(translatorEmail, "a fresh translator password"));
        Assert.True(UsersClient.Refused(await translator.GetAsync("/admin/releases/new")));
        Assert.True(UsersClient.Refused(await translator.GetAsync("/admin/users")));

        var list = await admin.PageAsync("/admin/users");
        var editorRow = list.QuerySelectorAll("table.users tr").Single(r => r.TextContent.Contains(editorEmail));
        Assert.Contains($"Editor of Office {office.Code}", editorRow.TextContent);
        var translatorRow = list.QuerySelectorAll("table.users tr").Single(r => r.TextContent.Contains(translatorEmail));
        Assert.Contains("Translator into English", translatorRow.TextContent);
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.created" && a.Subject == $"user:{editorEmail}")));
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.password-set" && a.Subject == $"user:{editorEmail}")));
    }

    [Fact]
    public async Task A_link_works_once()
    {
        using var admin = await site.AdministratorAsync();
        var email = Seed.Unique("once") + "@example.org";
        var link = await admin.CreateUserAsync(UsersClient.NewUserForm(email, "Once"));
        using var person = new AdminClient(site.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await person.SetPasswordAsync(link, "the first password")).StatusCode);

        var again = await person.SetPasswordAsync(link, "another password entirely");
        var opened = await person.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already used", (await again.DocumentAsync()).Text(".error"));
        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        Assert.Null((await opened.DocumentAsync()).QuerySelector("input[type=password]"));
        Assert.True(await person.SignInAsync(email, "the first password"));
        using var other = new AdminClient(site.BaseAddress);
        Assert.False(await other.SignInAsync(email, "another password entirely"));
    }

    [Fact]
    public async Task A_wrong_token_a_weak_password_or_two_different_ones_get_a_clear_message_and_change_nothing()
    {
        using var admin = await site.AdministratorAsync();
        var email = Seed.Unique("careful") + "@example.org";
        var link = await admin.CreateUserAsync(UsersClient.NewUserForm(email, "Careful"));
        var before = await StateAsync(email);
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"user:{email}"));
        using var person = new AdminClient(site.BaseAddress);
        var wrongLink = link[..link.IndexOf("token=", StringComparison.Ordinal)] + "token=" + Uri.EscapeDataString("not-a-token");

        var wrong = await person.SetPasswordAsync(wrongLink, "a good long password");
        var weak = await person.SetPasswordAsync(link, "short");
        var mismatch = await person.SetPasswordAsync(link, "a good long password", "a different long password");

        Assert.Equal(HttpStatusCode.Gone, wrong.StatusCode);
        Assert.Contains("Ask an administrator for a new one", (await wrong.DocumentAsync()).Text(".error"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("at least 10 characters", (await weak.DocumentAsync()).Text(".error"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Contains("not the same", (await mismatch.DocumentAsync()).Text(".error"));
        Assert.Equal(before, await StateAsync(email));
        Assert.Equal(audit, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"user:{email}")));
        // The failures did not spend the link.
        Assert.Equal(HttpStatusCode.Redirect, (await person.SetPasswordAsync(link, "a good long password")).StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "Name", "valid e-mail")]
    [InlineData("Someone <someone@example.org>", "Name", "valid e-mail")]
    [InlineData("{unique}@example.org", "", "Give a name")]
    [InlineData("{unique}@example.org", "<b>bold</b>", "without HTML")]
    public async Task Bad_account_details_are_refused_with_the_reason_and_create_nothing(string email, string name, string reason)
    {
        using var admin = await site.AdministratorAsync();
        email = email.Replace("{unique}", Seed.Unique("bad"));
        var before = await site.Seed.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.PostFormAsync("/admin/users/new", UsersClient.NewUserForm(email, name));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, (await response.DocumentAsync()).Text("main form"));
        Assert.Equal(before, await site.Seed.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Roles_must_name_offices_and_languages_the_site_has_and_an_e_mail_is_used_once()
    {
        using var admin = await site.AdministratorAsync();
        var taken = await site.Seed.UserAsync();
        var before = await site.Seed.WithDbAsync(db => db.Users.CountAsync());

        var office = await admin.PostFormAsync("/admin/users/new", UsersClient.NewUserForm(Seed.Unique("a") + "@example.org", "A", offices: [987654]));
        var language = await admin.PostFormAsync("/admin/users/new", UsersClient.NewUserForm(Seed.Unique("b") + "@example.org", "B", languages: ["ru"]));
        var backOffice = await admin.PostFormAsync("/admin/users/new", UsersClient.NewUserForm(Seed.Unique("c") + "@example.org", "C", language: "xx"));
        var twice = await admin.PostFormAsync("/admin/users/new", UsersClient.NewUserForm(taken.Email!.ToUpperInvariant(), "D"));

        Assert.Contains("does not exist", (await office.DocumentAsync()).Text(".error"));
        Assert.Contains("not a language of the site", (await language.DocumentAsync()).Text(".error"));
        Assert.Contains("languages of the back office", (await backOffice.DocumentAsync()).Text(".error"));
        Assert.Contains("already uses", (await twice.DocumentAsync()).Text(".error"));
        Assert.All(new[] { office, language, backOffice, twice }, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(before, await site.Seed.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_new_link_ends_the_older_ones_and_the_accounts_sessions()
    {
        using var admin = await site.AdministratorAsync();
        var email = Seed.Unique("forgetful") + "@example.org";
        var first = await admin.CreateUserAsync(UsersClient.NewUserForm(email, "Forgetful"));
        using var person = new AdminClient(site.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await person.SetPasswordAsync(first, "the password I forgot")).StatusCode);
        Assert.True(await person.SignInAsync(email, "the password I forgot"));
        var id = await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var second = await admin.CreateUserAsync(UsersClient.NewUserForm(Seed.Unique("x") + "@example.org", "Unrelated"));

        var reset = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}?handler=Link", []);
        var link = UsersClient.LinkIn(await reset.DocumentAsync());

        using var stranger = new AdminClient(site.BaseAddress);
        Assert.Equal(HttpStatusCode.Gone, (await stranger.GetAsync(first)).StatusCode);
        Assert.Contains("/admin/login", (await person.GetAsync("/admin")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.SetPasswordAsync(link, "a password I remember")).StatusCode);
        Assert.True(await person.SignInAsync(email, "a password I remember"));
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.password-link" && a.Subject == $"user:{email}")));
    }

    [Fact]
    public void Links_live_as_long_as_the_page_says()
    {
        // Identity's token provider reads the wall clock, so expiry itself cannot be tested by moving time.
        var tokens = site.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value;

        Assert.Equal(PasswordLink.Lifespan, tokens.TokenLifespan);
        Assert.Equal(TimeSpan.FromDays(3), PasswordLink.Lifespan);
    }

    private Task<string> StateAsync(string email) => site.Seed.WithDbAsync(async db =>
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return $"{user.PasswordHash}|{user.SecurityStamp}|{user.ConcurrencyStamp}|{user.LockoutEnd}|{user.AccessFailedCount}";
    });
}
