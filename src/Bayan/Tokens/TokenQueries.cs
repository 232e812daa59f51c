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

/// <summary>Which tokens a list shows by their state at a moment.</summary>
public enum TokenState { Any, Live, Expired, Revoked }

/// <summary>What the administrators' list is narrowed to: a state, and words found in the owner's name or e-mail.</summary>
public sealed record TokenFilter(TokenState State = TokenState.Any, string? Owner = null);

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
    /// Page <paramref name="page"/> of every account's tokens that pass <paramref name="filter"/> at
    /// <paramref name="now"/>, newest first, with their owners; one more than <paramref name="size"/> is
    /// read, so the caller knows whether more follow. Null unless the actor is an administrator: nobody
    /// else sees other people's tokens.
    /// </summary>
    public async Task<IReadOnlyList<OwnedToken>?> AllAsync(Actor actor, TokenFilter filter, DateTime now, int page, int size, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return null;
        var tokens = filter.State switch
        {
            TokenState.Live => db.AccessTokens.Where(t => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)),
            TokenState.Expired => db.AccessTokens.Where(t => t.RevokedAt == null && t.ExpiresAt <= now),
            TokenState.Revoked => db.AccessTokens.Where(t => t.RevokedAt != null),
            _ => db.AccessTokens,
        };
        var rows = tokens.AsNoTracking().Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.DisplayName, u.Email });
        // Names and addresses are matched whatever their case, on both databases alike.
        if (filter.Owner?.Trim().ToLowerInvariant() is { Length: > 0 } owner)
            rows = rows.Where(r => r.DisplayName.ToLower().Contains(owner) || (r.Email != null && r.Email.ToLower().Contains(owner)));
        var found = await rows.OrderByDescending(r => r.Token.CreatedAt).ThenByDescending(r => r.Token.Id)
            .Skip((Math.Max(page, 1) - 1) * size).Take(size + 1).ToListAsync(ct);
        return [.. found.Select(r => new OwnedToken(TokenSummary.Of(r.Token), r.Token.UserId, r.DisplayName, r.Email ?? ""))];
    }
}
