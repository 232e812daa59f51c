using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>
/// Anyone holding a one-time link chooses the account's password. Identity checks the token and the
/// password policy; setting it changes the security stamp, so the link works once. It also lifts a
/// lockout: the link is how a locked-out person gets back in.
/// </summary>
public sealed class SetPassword(BayanDb db, UserManager<User> users, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int userId, string token, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !await OpensAsync(user, token))
            return Invalid("link", new Problem("users_link_invalid"));
        if (await PasswordProblemAsync(users, user, password) is { } weak)
            return Invalid("password", weak);

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // Identity saves the new hash and stamp with one SaveChanges, which takes these along.
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, user.DisplayName, "user.password-set", $"user:{user.Email}");
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Invalid("link", new Problem("users_link_invalid"));
        }
        return new Outcome.Done(user.Id, new Problem("users_password_set"));
    }

    /// <summary>Whether a link still works, to say so before anyone types a password. Changes nothing.</summary>
    public async Task<bool> LinkWorksAsync(int userId, string? token, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) is { } user && await OpensAsync(user, token);

    private Task<bool> OpensAsync(User user, string? token) =>
        string.IsNullOrEmpty(token)
            ? Task.FromResult(false)
            : users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<User>.ResetPasswordTokenPurpose, token);

    /// <summary>Identity's password rules, as one message in the reader's language.</summary>
    internal static async Task<Problem?> PasswordProblemAsync(UserManager<User> users, User user, string? password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, password ?? "")).Succeeded)
                return new Problem("users_password_weak", users.Options.Password.RequiredLength);
        }
        return null;
    }

    private static Outcome.Invalid Invalid(string field, Problem problem) =>
        new(new Dictionary<string, Problem> { [field] = problem });
}
