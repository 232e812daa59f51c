using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>An administrator lifts the lockout that failed sign-ins put on an account.</summary>
public sealed class UnlockUser(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, int userId, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return new Outcome.NotFound();

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "user.unlocked", $"user:{user.Email}");
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(user.Id, new Problem("users_unlocked"));
    }
}
