using Bayan.Data;
using Bayan.Importing;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Redirects;

/// <summary>One old address on the redirects page: made by hand (<see cref="Source"/> "manual") or by an import.</summary>
/// <param name="State">"active", "gone", "removed" (an imported one an administrator took away) or "hidden" (its page is not public now).</param>
public sealed record RedirectRow(string Source, int Id, string Kind, string Old, string? New, string State);

public sealed record RedirectPage(IReadOnlyList<RedirectRow> Rows, int Total, int Page, int PageSize)
{
    public bool HasMore => Page * PageSize < Total;
}

/// <summary>The redirects page's list: those made by hand (newest first), then the imported ones, searched and filtered by source.</summary>
public sealed class RedirectList(BayanDb db, SiteReader sites, RedirectQueries redirects)
{
    public const string Manual = "manual";

    /// <summary>Only these kinds of imported items have addresses of their own.</summary>
    private static readonly string[] Addressed = [ImportKinds.Post, ImportKinds.Page, ImportKinds.Category, ImportKinds.Tag, ImportKinds.Attachment, Importing.K2.K2Run.OfficeKind];

    /// <param name="source">null for all; "manual", "wordpress" or "k2".</param>
    public async Task<RedirectPage> ListAsync(string? search, string? source, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        // Addresses are found whatever the case of the words asked for, on both databases alike.
        search = string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToLowerInvariant();
        var manual = db.Set<Redirect>().AsNoTracking();
        if (search is not null)
            manual = manual.Where(r => r.From.ToLower().Contains(search) || (r.To != null && r.To.ToLower().Contains(search)));
        if (source is not null && source != Manual)
            manual = manual.Where(_ => false);
        var imported = db.ImportedItems.AsNoTracking().Where(i => i.OldUrl != null && Addressed.Contains(i.Kind));
        if (search is not null)
            imported = imported.Where(i => i.OldUrl!.ToLower().Contains(search));
        if (source is not null)
            imported = imported.Where(i => i.Source == source);

        var manualCount = await manual.CountAsync(ct);
        var importedCount = await imported.CountAsync(ct);
        var skip = (page - 1) * pageSize;
        var rows = new List<RedirectRow>();
        if (skip < manualCount)
        {
            var made = await manual.OrderByDescending(r => r.Id).Skip(skip).Take(pageSize).ToListAsync(ct);
            rows.AddRange(made.Select(r => new RedirectRow(Manual, r.Id, Manual, r.From, r.To, r.Gone ? "gone" : "active")));
        }
        if (rows.Count < pageSize && importedCount > 0)
        {
            var site = await sites.LoadAsync(ct);
            var items = await imported.OrderBy(i => i.Id).Skip(Math.Max(0, skip - manualCount)).Take(pageSize - rows.Count).ToListAsync(ct);
            foreach (var item in items)
            {
                var answer = site is null ? null : await redirects.TargetAsync(item, item.Language, site, ct);
                var state = item.Redirect switch
                {
                    ImportedRedirect.Gone => "gone",
                    ImportedRedirect.Removed => "removed",
                    _ => answer switch { RedirectAnswer.Gone => "gone", null => "hidden", _ => "active" },
                };
                rows.Add(new RedirectRow(item.Source, item.Id, item.Kind, item.OldUrl!, (answer as RedirectAnswer.Moved)?.Location, state));
            }
        }
        return new RedirectPage(rows, manualCount + importedCount, page, pageSize);
    }
}
