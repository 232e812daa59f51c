using Bayan.Categories;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Areas.Admin.Pages.Manage;

/// <summary>/admin/categories: site-wide categories with a name and slug per language, one level or more deep.</summary>
public sealed class CategoriesModel(SiteQueries sites, CategoryQueries categories, CurrentActor current, ManageCategories manage) : ManagePage(sites, current)
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public Task<IActionResult> OnPostSaveAsync(int? id, int? parentId, Dictionary<string, string> names, Dictionary<string, string> slugs, CancellationToken ct) =>
        ActAsync(actor => manage.SaveAsync(actor, new CategoryForm(id, parentId, names, slugs), ct), ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.DeleteAsync(actor, id, ct), ct);

    protected override async Task LoadAsync(CancellationToken ct) =>
        Categories = await categories.AllAsync(ct);

    public string Label(Category category, string language) =>
        category.NameIn(language)?.Name ?? category.Names.FirstOrDefault()?.Name ?? $"#{category.Id}";
}
