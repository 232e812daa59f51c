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

    /// <summary>The message key of its state at <paramref name="now"/>: revoked, live or expired.</summary>
    public string StateKey(DateTime now) =>
        RevokedAt is not null ? "tokens_state_revoked" : IsLive(now) ? "tokens_state_live" : "tokens_state_expired";

    internal static TokenSummary Of(AccessToken t) =>
        new(t.Id, t.Name, t.Hint, TokenScopes.Split(t.Scopes), t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}

/// <summary>A token in the administrators' list of every account's tokens: with whose it is.</summary>
public sealed record OwnedToken(TokenSummary Token, int OwnerId, string OwnerName, string OwnerEmail);

public sealed class TokenQueries(BayanDb db)
{
    /// <summary>The account's tokens, newest first; null when the actor may not see them (only the owner and administrators may).</summary>
    public async Task<IReadOnlyList<TokenSummary>?> ForUserAsync(Actor actor, int userId, CancellationToken ct)
    {
        if (actor.UserId != userId && !actor.CanManageSite)
            return null;
        var rows = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
        return [.. rows.Select(TokenSummary.Of)];
    }

    /// <summary>
    /// Page <paramref name="page"/> of every account's tokens, newest first, with their owners; one more
    /// than <paramref name="size"/> is read, so the caller knows whether more follow. Null unless the
    /// actor is an administrator: nobody else sees other people's tokens.
    /// </summary>
    public async Task<IReadOnlyList<OwnedToken>?> AllAsync(Actor actor, int page, int size, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return null;
        var rows = await db.AccessTokens.AsNoTracking()
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.DisplayName, u.Email })
            .OrderByDescending(r => r.Token.CreatedAt).ThenByDescending(r => r.Token.Id)
            .Skip((Math.Max(page, 1) - 1) * size).Take(size + 1).ToListAsync(ct);
        return [.. rows.Select(r => new OwnedToken(TokenSummary.Of(r.Token), r.Token.UserId, r.DisplayName, r.Email ?? ""))];
    }
}
