using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Audit;

/// <summary>What the audit log is searched by: who (part of the name), what (the start of the action) and on what (exactly).</summary>
public sealed record AuditFilter(string? Actor, string? Action, string? Subject);

/// <summary>The audit log as administrators read it.</summary>
public sealed class AuditQueries(BayanDb db)
{
    /// <summary>Page <paramref name="page"/> of the matching entries, newest first; one more than <paramref name="size"/> is read, so the caller knows whether more follow.</summary>
    public Task<List<AuditEntry>> PageAsync(AuditFilter filter, int page, int size, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = filter.Subject.Trim();
            query = query.Where(a => a.Subject == subject);
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);
    }
}
