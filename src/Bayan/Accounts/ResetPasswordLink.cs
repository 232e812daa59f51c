using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>
/// An administrator makes a new one-time link for an account (a forgotten password, a lost
/// invitation). The account's security stamp changes first, so every older link stops working and
/// the account's sessions end.
/// </summary>
public sealed class ResetPasswordLink(BayanDb db, UserManager<User> users, UserSessions sessions, TimeProvider clock)
{
    public async Task<(PasswordLink? Link, Outcome Outcome)> RunAsync(Actor actor, int userId, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return (null, new Outcome.Forbidden());
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return (null, new Outcome.NotFound());

        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "user.password-link", $"user:{user.Email}");
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            db.ChangeTracker.Clear();
            return (null, new Outcome.Invalid(new Dictionary<string, Problem> { ["user"] = new("users_try_again") }));
        }
        await sessions.EndAllAsync(user.Id, ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return (PasswordLink.For(user.Id, token), new Outcome.Done(user.Id, new Problem("users_link_made", user.DisplayName)));
    }
}
