namespace Bayan.Tags;

/// <summary>A free tag; tags are written in whatever language the editor uses.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
