using Bayan.Operations;
using System.Security.Cryptography;
using System.Text;
using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Embargo;

/// <summary>A link just made: its address is shown once, since only its hash is kept.</summary>
public sealed record NewEmbargoLink(int Id, string Path);

/// <summary>Creates and revokes embargoed preview links of scheduled releases; editors of the office only.</summary>
public sealed class EmbargoLinks(BayanDb db, TimeProvider clock)
{
    public const string PathPrefix = "/embargo/";

    public async Task<(NewEmbargoLink? Link, Outcome Outcome)> CreateAsync(Actor actor, int releaseId, string label, CancellationToken ct)
    {
        var release = await db.Releases.FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return (null, new Outcome.NotFound());
        if (!actor.CanShareUnderEmbargo(release))
            return (null, new Outcome.Forbidden());
        if (release.Status != ReleaseStatus.Scheduled)
            return (null, Invalid("status", "embargo_needs_schedule"));
        var text = label?.Trim() ?? "";
        if (text.Length is 0 or > Limits.Title || text.Contains('<'))
            return (null, Invalid("label", "embargo_label_required"));

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var link = new EmbargoLink { ReleaseId = releaseId, TokenHash = Hash(token), Label = text, CreatedBy = actor.Name, CreatedAt = now };
        db.EmbargoLinks.Add(link);
        AuditLog.Record(db, now, actor.Name, "embargo-link.created", $"release:{releaseId}", text);
        await db.SaveChangesAsync(ct);
        return (new NewEmbargoLink(link.Id, PathPrefix + token), new Outcome.Done(releaseId, new Problem("embargo_created")));
    }

    /// <param name="releaseId">When given, a link of another release is not found: an address names the release and its link.</param>
    public async Task<Outcome> RevokeAsync(Actor actor, int linkId, CancellationToken ct, int? releaseId = null)
    {
        var link = await db.EmbargoLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        var release = link is null ? null : await db.Releases.FirstOrDefaultAsync(r => r.Id == link.ReleaseId, ct);
        if (link is null || release is null || (releaseId is { } expected && expected != release.Id))
            return new Outcome.NotFound();
        if (!actor.CanShareUnderEmbargo(release))
            return new Outcome.Forbidden();
        if (link.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            link.RevokedAt = now;
            AuditLog.Record(db, now, actor.Name, "embargo-link.revoked", $"release:{release.Id}", link.Label);
            await db.SaveChangesAsync(ct);
        }
        return new Outcome.Done(release.Id, new Problem("embargo_revoked"));
    }

    /// <summary>The release a token opens, if the link exists and was not revoked.</summary>
    public Task<int?> ReleaseOfAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        return db.EmbargoLinks.Where(l => l.TokenHash == hash && l.RevokedAt == null).Select(l => (int?)l.ReleaseId).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The release a token opens, with everything its page shows (its office and category names are the
    /// caller's to add from the site snapshot); null when the link does not exist or was revoked. Whether
    /// the release is still to be previewed (scheduled, or published since) is the caller's to say.
    /// </summary>
    public async Task<Release?> PreviewAsync(string token, CancellationToken ct)
    {
        var id = await ReleaseOfAsync(token, ct);
        return id is null ? null : await db.Releases.WithPageData().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>
    /// The release's links, newest first, for someone who may share it under embargo: the same people
    /// who make and revoke them (the back office shows the list to them alone).
    /// </summary>
    public async Task<(IReadOnlyList<EmbargoLink> Links, Outcome Outcome)> ListAsync(Actor actor, int releaseId, CancellationToken ct)
    {
        var release = await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
            return ([], new Outcome.NotFound());
        if (!actor.CanShareUnderEmbargo(release))
            return ([], new Outcome.Forbidden());
        return (await OfReleaseAsync(releaseId, ct), new Outcome.Done(releaseId, new Problem("embargo_links")));
    }

    /// <summary>The release's links, newest first.</summary>
    public Task<List<EmbargoLink>> OfReleaseAsync(int releaseId, CancellationToken ct) =>
        db.EmbargoLinks.AsNoTracking().Where(l => l.ReleaseId == releaseId).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).ToListAsync(ct);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static Outcome Invalid(string field, string key) =>
        new Outcome.Invalid(new Dictionary<string, Problem> { [field] = new(key) });
}
