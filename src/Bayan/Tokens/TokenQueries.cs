using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tokens;

/// <summary>A token as its owner sees it in a list: never its secret.</summary>
public sealed record TokenSummary(
    int Id, string Name, string Hint, IReadOnlySet<TokenScope> Scopes,
    DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsLive(DateTime now) => RevokedAt is null && (ExpiresAt is not { } end || end > now);
}

public sealed class TokenQueries(BayanDb db)
{
    /// <summary>The account's tokens, newest first; null when the actor may not see them (only the owner and administrators may).</summary>
    public async Task<IReadOnlyList<TokenSummary>?> ForUserAsync(Actor actor, int userId, CancellationToken ct)
    {
        if (actor.UserId != userId && !actor.CanManageSite)
            return null;
        var rows = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
        return [.. rows.Select(t => new TokenSummary(t.Id, t.Name, t.Hint, TokenScopes.Split(t.Scopes), t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))];
    }
}
