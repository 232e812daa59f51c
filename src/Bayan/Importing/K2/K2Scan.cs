namespace Bayan.Importing.K2;

/// <summary>
/// What is read from the K2 site before anything is written: its category tree, Joomla's user names, the names of
/// its extra fields, which categories become offices, and how many items there are.
/// </summary>
internal sealed class K2Scan(
    IReadOnlyList<K2Category> categories,
    IReadOnlyDictionary<int, string> userNames,
    IReadOnlyDictionary<int, string> extraFieldNames,
    IReadOnlyList<int> officeCategories,
    int itemCount)
{
    public IReadOnlyList<K2Category> Categories => categories;
    public IReadOnlyDictionary<int, K2Category> CategoriesById { get; } = categories.ToDictionary(c => c.Id);
    public IReadOnlyDictionary<int, string> UserNames => userNames;
    public IReadOnlyDictionary<int, string> ExtraFieldNames => extraFieldNames;
    public IReadOnlyList<int> OfficeCategories => officeCategories;
    public int ItemCount => itemCount;

    public bool IsOffice(int categoryId) => officeCategories.Contains(categoryId);

    /// <summary>The category itself, then its parents up to the top (a loop in the tree ends the walk).</summary>
    public IEnumerable<K2Category> Lineage(int categoryId)
    {
        var seen = new HashSet<int>();
        while (CategoriesById.TryGetValue(categoryId, out var category) && seen.Add(categoryId))
        {
            yield return category;
            categoryId = category.Parent;
        }
    }

    /// <summary>The nearest category at or above this one that was made an office; null: the default office.</summary>
    public int? OfficeCategoryOf(int categoryId) => Lineage(categoryId).Select(c => (int?)c.Id).FirstOrDefault(id => IsOffice(id!.Value));

    /// <summary>The nearest category above this one that becomes a Bayan category (an office is none, and ends the walk).</summary>
    public int? ParentCategoryOf(K2Category category)
    {
        if (IsOffice(category.Id))
            return null;
        foreach (var parent in Lineage(category.Parent))
            return IsOffice(parent.Id) ? null : parent.Id;
        return null;
    }
}
