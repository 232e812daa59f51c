namespace Bayan.Categories;

/// <summary>A site-wide, hierarchical category with a name and slug per language.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
    public int Position { get; set; }
    public List<CategoryName> Names { get; set; } = [];

    public CategoryName? NameIn(string language) => Names.FirstOrDefault(n => n.Language == language);
}

public sealed class CategoryName
{
    public int CategoryId { get; set; }
    public required string Language { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
