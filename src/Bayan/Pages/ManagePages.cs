using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Editing;
using Bayan.Operations;
using Bayan.Rendering;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Pages;

/// <summary>A static page in one language; pages sharing a key are translations of each other.</summary>
public sealed record PageForm(int? Id, string Key, string Language, string Title, string? Slug, string Body);

/// <summary>Creates, changes and deletes static pages (About, Contact); administrators only.</summary>
public sealed class ManagePages(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<Outcome> SaveAsync(Actor actor, PageForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var page = form.Id is { } id ? await db.Pages.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (form.Id is not null && page is null)
            return new Outcome.NotFound();
        var errors = VersionRules.Check(form.Title, form.Slug, "", form.Body);
        var key = Slug.From(form.Key ?? "");
        if (key.Length == 0)
            errors["key"] = new Problem("manage_key_required");
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == form.Language, ct))
            errors["language"] = new Problem("edit_language_unknown", form.Language ?? "");
        var slug = errors.ContainsKey("title") ? "" : VersionRules.SlugFor(form.Title, form.Slug);
        var otherId = form.Id ?? 0;
        if (slug.Length > 0 && await db.Pages.AnyAsync(p => p.Language == form.Language && p.Slug == slug && p.Id != otherId, ct))
            errors["slug"] = new Problem("manage_slug_taken", slug);
        if (key.Length > 0 && await db.Pages.AnyAsync(p => p.Language == form.Language && p.Key == key && p.Id != otherId, ct))
            errors["key"] = new Problem("manage_page_exists", form.Language ?? "");
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var formerKey = page?.Key;
        if (page is null)
        {
            page = new StaticPage { Key = key, Language = form.Language!, Slug = slug, Title = form.Title.Trim() };
            db.Pages.Add(page);
        }
        (page.Key, page.Language, page.Slug, page.Title) = (key, form.Language!, slug, form.Title.Trim());
        page.Body = form.Body ?? "";
        page.BodyHtml = MarkdownRenderer.ToSafeHtml(page.Body);
        page.UpdatedAt = now;
        AuditLog.Record(db, now, actor.Name, form.Id is null ? "page.created" : "page.changed", $"page:{key}", $"{form.Language}: {page.Title}");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Page(key, formerKey));
        return new Outcome.Done(page.Id, new Problem("manage_saved"));
    }

    public async Task<Outcome> DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var page = await db.Pages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null)
            return new Outcome.NotFound();
        db.Pages.Remove(page);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "page.deleted", $"page:{page.Key}", $"{page.Language}: {page.Title}");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Page(page.Key));
        return new Outcome.Done(id, new Problem("manage_saved"));
    }
}
