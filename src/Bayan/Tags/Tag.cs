namespace Bayan.Tags;

/// <summary>A free tag with a name and slug per language, like a category; a page shows only names in its own language.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public List<TagName> Names { get; set; } = [];

    public TagName? NameIn(string language) => Names.FirstOrDefault(n => n.Language == language);

    /// <summary>How the tag is written in a release's form: its name in the release's language, else its first.</summary>
    public string NameFor(string language) =>
        (NameIn(language) ?? Names.OrderBy(n => n.Language, StringComparer.Ordinal).FirstOrDefault())?.Name ?? "";
}

public sealed class TagName
{
    public int TagId { get; set; }
    public required string Language { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
