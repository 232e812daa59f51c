using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>
/// A signed-in person changes their own password, giving the current one. The security stamp
/// changes with it and every session of theirs ends at once; the caller signs this one in again.
/// </summary>
public sealed class ChangePassword(BayanDb db, UserManager<User> users, UserSessions sessions, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, string current, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
            return new Outcome.NotFound();
        if (!await users.CheckPasswordAsync(user, current ?? ""))
            return Invalid("current_password", new Problem("users_current_password_wrong"));
        if (await SetPassword.PasswordProblemAsync(users, user, password) is { } weak)
            return Invalid("new_password", weak);

        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "user.password-changed", $"user:{user.Email}");
        var result = await users.ChangePasswordAsync(user, current!, password);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Invalid("current_password", new Problem("users_current_password_wrong"));
        }
        await sessions.EndAllAsync(user.Id, ct);
        return new Outcome.Done(user.Id, new Problem("users_password_changed"));
    }

    private static Outcome.Invalid Invalid(string field, Problem problem) =>
        new(new Dictionary<string, Problem> { [field] = problem });
}
