using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>
/// Ends every session of an account, on every device, at once: its sessions leave the server's list,
/// and the security stamp changes too, so that nothing signed before it counts. A person for themselves, or an administrator for anyone.
/// </summary>
public sealed class SignOutEverywhere(BayanDb db, UserManager<User> users, UserSessions sessions, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, int userId, CancellationToken ct)
    {
        if (actor.UserId != userId && !actor.CanManageSite)
            return new Outcome.Forbidden();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return new Outcome.NotFound();

        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "user.signed-out-everywhere", $"user:{user.Email}");
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["user"] = new("users_try_again") });
        }
        await sessions.EndAllAsync(user.Id, ct);
        return new Outcome.Done(user.Id, new Problem("users_signed_out_everywhere"));
    }
}
