using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tokens;

/// <summary>Revokes a token at once, on every node (each request looks the token up); its owner, or an administrator.</summary>
public sealed class RevokeToken(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, int tokenId, CancellationToken ct)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null)
            return new Outcome.NotFound();
        if (actor.UserId != token.UserId && !actor.CanManageSite)
            return new Outcome.Forbidden();
        if (token.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            token.RevokedAt = now;
            var email = await db.Users.Where(u => u.Id == token.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            AuditLog.Record(db, now, actor.Name, "token.revoked", $"user:{email}", token.Name);
            await db.SaveChangesAsync(ct);
        }
        return new Outcome.Done(token.Id, new Problem("tokens_revoked", token.Name));
    }
}
