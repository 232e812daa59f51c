using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.AspNetCore.Identity;

namespace Bayan.Accounts;

/// <summary>
/// An administrator makes an account without a password: the answer carries a one-time link with
/// which the person chooses their own, so no password ever passes through anyone else's hands.
/// </summary>
public sealed class CreateUser(BayanDb db, UserManager<User> users, TimeProvider clock)
{
    public async Task<(PasswordLink? Link, Outcome Outcome)> RunAsync(Actor actor, string email, UserForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return (null, new Outcome.Forbidden());
        var errors = await form.CheckAsync(db, ct);
        email = email?.Trim() ?? "";
        if (!UserForm.IsEmail(email))
            errors["email"] = new Problem("users_email_invalid");
        else if (await users.FindByEmailAsync(email) is not null)
            errors["email"] = new Problem("users_email_taken", email);
        if (errors.Count > 0)
            return (null, new Outcome.Invalid(errors));

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            UserName = email,
            Email = email,
            // The administrator vouches for the address; the link is how the person proves they hold it.
            EmailConfirmed = true,
            DisplayName = form.Name,
            Language = form.Language,
            IsAdministrator = form.IsAdministrator,
            IsModerator = form.IsModerator,
            CreatedAt = now,
            Offices = [.. form.OfficeRows],
            Languages = [.. form.LanguageCodes.Select(code => new UserLanguage { Language = code })],
        };
        // Identity saves the account with one SaveChanges, which takes the audit entry along.
        AuditLog.Record(db, now, actor.Name, "user.created", $"user:{email}", form.Describe());
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            var taken = created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
            return (null, new Outcome.Invalid(new Dictionary<string, Problem>
            {
                ["email"] = taken ? new Problem("users_email_taken", email) : new Problem("users_email_invalid"),
            }));
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return (PasswordLink.For(user.Id, token), new Outcome.Done(user.Id, new Problem("users_created", form.Name)));
    }
}
