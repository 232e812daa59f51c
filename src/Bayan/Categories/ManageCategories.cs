using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Categories;

/// <summary>A category as the form sends it: a name and slug per language; <see cref="Id"/> null creates one.</summary>
public sealed record CategoryForm(int? Id, int? ParentId, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Slugs);

/// <summary>Creates, changes and deletes site-wide categories; administrators only.</summary>
public sealed class ManageCategories(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<Outcome> SaveAsync(Actor actor, CategoryForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var category = form.Id is { } id ? await db.Categories.Include(c => c.Names).FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (form.Id is not null && category is null)
            return new Outcome.NotFound();

        var languages = await db.SiteLanguages.Select(l => l.Code).ToListAsync(ct);
        var errors = new Dictionary<string, Problem>();
        var names = new Dictionary<string, (string Name, string Slug)>();
        foreach (var language in languages)
        {
            var name = form.Names?.GetValueOrDefault(language)?.Trim() ?? "";
            if (name.Length == 0)
                continue;
            var slug = form.Slugs?.GetValueOrDefault(language)?.Trim() is { Length: > 0 } given ? given : Slug.From(name);
            if (name.Length > Limits.Title || name.Contains('<'))
                errors[$"name_{language}"] = new Problem("manage_label_invalid", Limits.Title);
            else if (!Slug.IsWellFormed(slug))
                errors[$"name_{language}"] = new Problem("edit_slug_invalid", Limits.Slug);
            else if (await db.CategoryNames.AnyAsync(n => n.Language == language && n.Slug == slug && n.CategoryId != (form.Id ?? 0), ct))
                errors[$"name_{language}"] = new Problem("manage_slug_taken", slug);
            names[language] = (name, slug);
        }
        if (names.Count == 0)
            errors["names"] = new Problem("manage_category_name_required");
        if (form.ParentId is { } parentId)
        {
            if (!await db.Categories.AnyAsync(c => c.Id == parentId, ct))
                errors["parent"] = new Problem("edit_category_unknown");
            else if (form.Id is { } self && await IsSelfOrDescendantAsync(parentId, self, ct))
                errors["parent"] = new Problem("manage_category_cycle");
        }
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        if (category is null)
        {
            category = new Category { Position = await db.Categories.CountAsync(ct) };
            db.Categories.Add(category);
        }
        category.ParentId = form.ParentId;
        category.Names.RemoveAll(n => !names.ContainsKey(n.Language));
        foreach (var (language, (name, slug)) in names)
        {
            if (category.Names.FirstOrDefault(n => n.Language == language) is { } existing)
                (existing.Name, existing.Slug) = (name, slug);
            else
                category.Names.Add(new CategoryName { Language = language, Name = name, Slug = slug });
        }
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, form.Id is null ? "category.created" : "category.changed",
            "category", string.Join(", ", names.Select(n => $"{n.Key}={n.Value.Name} ({n.Value.Slug})")));
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("categories"));
        return new Outcome.Done(category.Id, new Problem("manage_saved"));
    }

    /// <summary>Deletes a category that has no subcategories; its releases simply lose it.</summary>
    public async Task<Outcome> DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var category = await db.Categories.Include(c => c.Names).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
            return new Outcome.NotFound();
        if (await db.Categories.AnyAsync(c => c.ParentId == id, ct))
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["parent"] = new("manage_category_has_children") });
        db.Categories.Remove(category);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "category.deleted", "category",
            string.Join(", ", category.Names.Select(n => $"{n.Language}={n.Name}")));
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("categories"));
        return new Outcome.Done(id, new Problem("manage_saved"));
    }

    private async Task<bool> IsSelfOrDescendantAsync(int candidate, int category, CancellationToken ct)
    {
        var parents = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        for (int? at = candidate; at is { } current; at = parents.GetValueOrDefault(current))
        {
            if (current == category)
                return true;
        }
        return false;
    }
}
