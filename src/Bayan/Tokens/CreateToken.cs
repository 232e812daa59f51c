using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tokens;

/// <summary>A token just made: its secret is shown this once, since only its hash is kept.</summary>
public sealed record NewToken(int Id, string Name, string Secret, IReadOnlySet<TokenScope> Scopes, DateTime? ExpiresAt);

/// <summary>What a person asks for: a name, the scopes, and optionally when the token stops working (UTC).</summary>
public sealed record TokenRequest(string Name, IReadOnlyCollection<TokenScope> Scopes, DateTime? ExpiresAt);

/// <summary>
/// Makes a personal access token for an account: the person for themselves, or an administrator
/// (and the command line) for anyone. A scope the account's role cannot use is refused rather than
/// given in vain.
/// </summary>
public sealed class CreateToken(BayanDb db, TimeProvider clock)
{
    public async Task<(NewToken? Token, Outcome Outcome)> RunAsync(Actor actor, int userId, TokenRequest request, CancellationToken ct)
    {
        if (actor.UserId != userId && !actor.CanManageSite)
            return (null, new Outcome.Forbidden());
        var user = await db.Users.AsNoTracking().Include(u => u.Offices).Include(u => u.Languages).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return (null, new Outcome.NotFound());

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, Problem>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > AccessToken.NameLength || name.Contains('<'))
            errors["name"] = new Problem("tokens_name_invalid", AccessToken.NameLength);
        else if (await db.AccessTokens.AnyAsync(t => t.UserId == userId && t.Name == name && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), ct))
            errors["name"] = new Problem("tokens_name_taken", name);
        var scopes = (request.Scopes ?? []).Distinct().Order().ToList();
        if (scopes.Count == 0)
            errors["scopes"] = new Problem("tokens_scope_required");
        else if (scopes.Where(s => !RoleAllows(user, s)).Select(s => (TokenScope?)s).FirstOrDefault() is { } refused)
            errors["scopes"] = new Problem("tokens_scope_beyond_role", TokenScopes.Name(refused));
        if (request.ExpiresAt is { } expires && expires <= now)
            errors["expires"] = new Problem("tokens_expiry_past");
        if (errors.Count > 0)
            return (null, new Outcome.Invalid(errors));

        var secret = TokenSecret.New();
        var token = new AccessToken
        {
            UserId = userId,
            Name = name,
            SecretHash = TokenSecret.Hash(secret),
            Hint = TokenSecret.Hint(secret),
            Scopes = TokenScopes.Join(scopes),
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        };
        db.AccessTokens.Add(token);
        AuditLog.Record(db, now, actor.Name, "token.created", $"user:{user.Email}",
            $"{name}; {token.Scopes}; expires {token.ExpiresAt?.ToString("O") ?? "never"}");
        await db.SaveChangesAsync(ct);
        return (new NewToken(token.Id, name, secret, scopes.ToHashSet(), token.ExpiresAt), new Outcome.Done(token.Id, new Problem("tokens_created", name)));
    }

    /// <summary>Whether the account's role can use the scope at all.</summary>
    public static bool RoleAllows(User user, TokenScope scope) => scope switch
    {
        TokenScope.Read => true,
        TokenScope.Write => user.IsAdministrator || user.Offices.Count > 0 || user.Languages.Count > 0,
        TokenScope.Publish => user.IsAdministrator || user.Offices.Any(o => o.CanPublish),
        TokenScope.Moderate => user.IsAdministrator || user.IsModerator,
        _ => user.IsAdministrator,
    };
}
