using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tokens;

/// <summary>What became of a presented token: a caller, or the reason it is refused (a message key).</summary>
public sealed record TokenCheck(TokenCaller? Caller, string? Refusal)
{
    public static TokenCheck Refused(string key) => new(null, key);
}

/// <summary>
/// Finds the caller of a presented token, every request: revoking a token, locking its account or
/// changing the account's roles counts from the next request, on every node.
/// </summary>
public sealed class AuthenticateToken(BayanDb db, UserQueries users, TimeProvider clock)
{
    /// <summary>A token's last use is written at most this often, so a busy script costs no write per request.</summary>
    public static readonly TimeSpan UseGranularity = TimeSpan.FromMinutes(5);

    public async Task<TokenCheck> RunAsync(string presented, CancellationToken ct)
    {
        if (!TokenSecret.LooksLikeToken(presented))
            return TokenCheck.Refused("api_auth_invalid");
        var hash = TokenSecret.Hash(presented);
        var token = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null)
            return TokenCheck.Refused("api_auth_invalid");
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAt is not null)
            return TokenCheck.Refused("api_auth_revoked");
        if (token.ExpiresAt is { } end && end <= now)
            return TokenCheck.Refused("api_auth_expired");
        var user = await users.WithAccessAsync(token.UserId, ct);
        if (user is null)
            return TokenCheck.Refused("api_auth_invalid");
        // A locked account is refused as at the sign-in page: its tokens wait with it.
        if (user.LockoutEnd is { } locked && locked.UtcDateTime > now)
            return TokenCheck.Refused("api_auth_locked");

        var scopes = TokenScopes.Split(token.Scopes);
        // Only an administrator's token without the admin scope acts by office, in every office; with the
        // scope, being an administrator already allows everything, and the read would be thrown away.
        IReadOnlyCollection<int> allOffices = user.IsAdministrator && !scopes.Contains(TokenScope.Admin)
            ? await db.Offices.Select(o => o.Id).ToListAsync(ct) : [];
        if (token.LastUsedAt is not { } used || now - used > UseGranularity)
            await db.AccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return new TokenCheck(new TokenCaller(token.Id, token.Name, scopes, TokenCaller.ActorFor(user, token.Name, scopes, allOffices)), null);
    }
}
