using Bayan.Categories;
using Bayan.Data;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Areas.Admin.Pages.Manage;

/// <summary>/admin/categories: site-wide categories with a name and slug per language, one level or more deep.</summary>
public sealed class CategoriesModel(BayanDb db, CurrentActor current, ManageCategories manage) : ManagePage(db, current)
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public Task<IActionResult> OnPostSaveAsync(int? id, int? parentId, Dictionary<string, string> names, Dictionary<string, string> slugs, CancellationToken ct) =>
        ActAsync(actor => manage.SaveAsync(actor, new CategoryForm(id, parentId, names, slugs), ct), ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.DeleteAsync(actor, id, ct), ct);

    protected override async Task LoadAsync(CancellationToken ct) =>
        Categories = await Db.Categories.AsNoTracking().Include(c => c.Names).OrderBy(c => c.Position).ToListAsync(ct);

    public string Label(Category category, string language) =>
        category.NameIn(language)?.Name ?? category.Names.FirstOrDefault()?.Name ?? $"#{category.Id}";
}
