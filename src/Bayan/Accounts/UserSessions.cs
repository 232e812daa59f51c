using System.Security.Cryptography;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>The server's list of live sign-ins: a cookie counts only while its session is listed here.</summary>
public sealed class UserSessions(BayanDb db, TimeProvider clock)
{
    /// <summary>A session's last use is written at most this often, so a busy editor costs no write per request.</summary>
    public static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(10);

    /// <summary>Lists a new session for the person and answers its id; sessions unused for longer than <paramref name="idleLimit"/> are swept.</summary>
    public async Task<string> StartAsync(int userId, TimeSpan idleLimit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A cookie cannot outlive its idle limit, and a used session's row is at most SeenGranularity behind.
        var stale = now - idleLimit - SeenGranularity;
        await db.UserSessions.Where(s => s.SeenAt < stale).ExecuteDeleteAsync(ct);
        var session = new UserSession { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UserId = userId, StartedAt = now, SeenAt = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Whether the session is still listed for this person; notes its use now and then.</summary>
    public async Task<bool> IsLiveAsync(string sessionId, int userId, CancellationToken ct)
    {
        var seenAt = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).Select(s => (DateTime?)s.SeenAt).FirstOrDefaultAsync(ct);
        if (seenAt is null)
            return false;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - seenAt.Value > SeenGranularity)
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SeenAt, now), ct);
        return true;
    }

    public Task EndAsync(string sessionId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);

    public Task EndAllAsync(int userId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
}
