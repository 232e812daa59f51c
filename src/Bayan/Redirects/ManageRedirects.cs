using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Redirects;

/// <summary>The form of a redirect made by hand: an old path, and a new address or "gone".</summary>
public sealed record RedirectForm(string? From, string? To, bool Gone);

/// <summary>Adds and removes redirects, and says what an imported item's old addresses answer; administrators only, audited.</summary>
public sealed class ManageRedirects(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> AddAsync(Actor actor, RedirectForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var from = form.From?.Trim() ?? "";
        var to = form.Gone ? null : form.To?.Trim();
        if (from.Length == 0)
            return Invalid("from", new Problem("redirect_from_required"));
        if (!IsPath(from) || from.Contains('?') || from.Contains('#') || from.Length > Limits.Url)
            return Invalid("from", new Problem("redirect_from_not_path"));
        var key = OldPaths.Key(from);
        if (key.Length == 0 || await IsLivePageAsync(key, ct))
            return Invalid("from", new Problem("redirect_from_live", from));
        if (await db.Set<Redirect>().AnyAsync(r => r.FromKey == key, ct))
            return Invalid("from", new Problem("redirect_from_taken", from));
        if (!form.Gone)
        {
            if (string.IsNullOrEmpty(to))
                return Invalid("to", new Problem("redirect_to_required"));
            if (to.Length > Limits.Url || !(IsPath(to) || IsWebAddress(to)))
                return Invalid("to", new Problem("redirect_to_invalid"));
            if (IsPath(to) && await LeadsBackAsync(key, to, ct))
                return Invalid("to", new Problem("redirect_loop", from));
        }

        var redirect = new Redirect
        {
            From = from,
            FromKey = key,
            To = to,
            Gone = form.Gone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        db.Add(redirect);
        AuditLog.Record(db, redirect.CreatedAt, actor.Name, "redirect.added", $"redirect:{from}", to ?? "410");
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(redirect.Id, new Problem("redirect_added"));
    }

    public async Task<Outcome> RemoveAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var redirect = await db.Set<Redirect>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (redirect is null)
            return new Outcome.NotFound();
        db.Remove(redirect);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "redirect.removed", $"redirect:{redirect.From}", redirect.To ?? "410");
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(id, new Problem("redirect_removed"));
    }

    /// <summary>
    /// What an imported item's old addresses answer: its page (<see cref="ImportedRedirect.Active"/>), 410 or nothing.
    /// The item itself stays, so a later run of the import still knows it and does not bring the address back.
    /// </summary>
    public async Task<Outcome> SetImportedAsync(Actor actor, int itemId, ImportedRedirect state, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        if (!Enum.IsDefined(state))
            return Invalid("state", new Problem("redirect_state_invalid"));
        var item = await db.ImportedItems.FirstOrDefaultAsync(i => i.Id == itemId && i.OldUrl != null, ct);
        if (item is null)
            return new Outcome.NotFound();
        var before = item.Redirect;
        item.Redirect = state;
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "redirect.imported-changed", $"redirect:{item.OldUrl}", $"{before} -> {state}");
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(itemId, new Problem("redirect_saved"));
    }

    /// <summary>"/old/news": a path of this site; "//host" and "/\host" are another site's to a browser.</summary>
    private static bool IsPath(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.StartsWith("/\\", StringComparison.Ordinal)
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>First segments that are Bayan's own whatever follows (the back office, the API, files, crawlers' pages).</summary>
    private static readonly HashSet<string> Reserved =
        ["admin", "api", "media", "theme", "embargo", "comments", "health", "robots.txt", "sitemap.xml", "sitemap-news.xml"];

    /// <summary>
    /// Whether Bayan itself answers the path: a redirect there would never be asked for (redirects are looked up only
    /// where Bayan has no page), so it is refused rather than silently dead.
    /// </summary>
    private async Task<bool> IsLivePageAsync(string key, CancellationToken ct)
    {
        var segments = key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || Reserved.Contains(segments[0]) || segments[0].StartsWith("sitemap-", StringComparison.Ordinal))
            return true;
        var language = segments[0];
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == language, ct))
            return false;
        if (segments.Length == 1)
            return true;
        var second = segments[1];
        var third = segments.Length > 2 ? segments[2] : null;
        return second switch
        {
            "search" or "archive" or "feed.atom" or "feed.rss" or "feed.json" => true,
            "category" when third is not null => await db.CategoryNames.AnyAsync(n => n.Language == language && n.Slug == third, ct),
            "tag" when third is not null => await db.TagNames.AnyAsync(n => n.Language == language && n.Slug == third, ct),
            "pages" when third is not null => await db.Pages.AnyAsync(p => p.Language == language && p.Slug == third, ct),
            _ => await db.Offices.AnyAsync(o => o.Code == second, ct),
        };
    }

    /// <summary>Whether following redirects made by hand from the new path comes back to the old one.</summary>
    private async Task<bool> LeadsBackAsync(string fromKey, string to, CancellationToken ct)
    {
        var seen = new HashSet<string>();
        string? next = to;
        while (next is not null && IsPath(next))
        {
            var key = OldPaths.Key(next.Split('?', '#')[0]);
            if (key == fromKey)
                return true;
            if (!seen.Add(key))
                return false;
            next = await db.Set<Redirect>().Where(r => r.FromKey == key).Select(r => r.To).FirstOrDefaultAsync(ct);
        }
        return false;
    }

    private static Outcome Invalid(string field, Problem problem) =>
        new Outcome.Invalid(new Dictionary<string, Problem> { [field] = problem });
}
