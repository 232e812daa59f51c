using System.Security.Cryptography;
using Bayan.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tokens;

/// <summary>An answer as it was sent, to send again.</summary>
public sealed record KeptAnswer(int Status, string? ContentType, string? Location, string? ETag, byte[] Body);

/// <summary>What a request with an Idempotency-Key may do.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is new: do the work, then <see cref="IdempotentAnswers.KeepAsync"/> its answer.</summary>
    public sealed record First(long Id) : IdempotencyClaim;

    /// <summary>The same request was answered before: send that answer again.</summary>
    public sealed record Answered(KeptAnswer Answer) : IdempotencyClaim;

    /// <summary>The key was used for another request.</summary>
    public sealed record OtherRequest : IdempotencyClaim;

    /// <summary>The first request with the key is still being answered (or died midway, see <see cref="IdempotentAnswers"/>).</summary>
    public sealed record InProgress : IdempotencyClaim;
}

/// <summary>
/// Keeps the answers of POSTs sent with an Idempotency-Key, per token, for <see cref="Kept"/>. The
/// key is claimed with a row before the work starts, and the unique index on token and key lets only
/// one of two requests sent at once (on any node) do it. A request that dies between its work and
/// keeping its answer leaves its key "in progress" until it expires: a retry is refused rather than
/// risking the work twice. Kept bodies are encrypted with the site's Data Protection keys: some hold
/// what is shown once and opens something (an embargo link, a password link, a webhook secret), and
/// the database must not hold it readable.
/// </summary>
public sealed class IdempotentAnswers(BayanDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    private readonly IDataProtector bodies = protection.CreateProtector("Bayan.Tokens.IdempotentAnswer");

    public async Task<IdempotencyClaim> ClaimAsync(int tokenId, string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var oldest = now - Kept;
        await db.IdempotentAnswers.Where(a => a.CreatedAt < oldest).ExecuteDeleteAsync(ct);
        if (await FindAsync(tokenId, key, requestHash, ct) is { } known)
            return known;
        var row = new IdempotentAnswer { TokenId = tokenId, Key = key, RequestHash = requestHash, CreatedAt = now };
        db.IdempotentAnswers.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key claimed it a moment before.
            db.ChangeTracker.Clear();
            return await FindAsync(tokenId, key, requestHash, ct) ?? new IdempotencyClaim.InProgress();
        }
        db.Entry(row).State = EntityState.Detached;
        return new IdempotencyClaim.First(row.Id);
    }

    public Task KeepAsync(long id, KeptAnswer answer, CancellationToken ct) =>
        db.IdempotentAnswers.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, answer.Status)
            .SetProperty(a => a.ContentType, answer.ContentType)
            .SetProperty(a => a.Location, answer.Location)
            .SetProperty(a => a.ETag, answer.ETag)
            .SetProperty(a => a.Body, bodies.Protect(answer.Body)), ct);

    /// <summary>The work failed unexpectedly: the key is free again, so a retry does the work.</summary>
    public Task ForgetAsync(long id, CancellationToken ct) =>
        db.IdempotentAnswers.Where(a => a.Id == id).ExecuteDeleteAsync(ct);

    private async Task<IdempotencyClaim?> FindAsync(int tokenId, string key, string requestHash, CancellationToken ct)
    {
        var found = await db.IdempotentAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.TokenId == tokenId && a.Key == key, ct);
        if (found is null)
            return null;
        if (found.RequestHash != requestHash)
            return new IdempotencyClaim.OtherRequest();
        return found.Status is { } status
            ? new IdempotencyClaim.Answered(new KeptAnswer(status, found.ContentType, found.Location, found.ETag, Unprotected(found.Body)))
            : new IdempotencyClaim.InProgress();
    }

    private byte[] Unprotected(byte[] body)
    {
        if (body.Length == 0)
            return body;
        try
        {
            return bodies.Unprotect(body);
        }
        catch (CryptographicException)
        {
            // Kept in the clear by a Bayan from before encryption, at most a day ago.
            return body;
        }
    }
}
