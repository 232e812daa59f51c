namespace Bayan.Navigation;

/// <summary>A titled list of links shown in the sidebar of one language.</summary>
public sealed class LinkList
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<LinkListItem> Items { get; set; } = [];
}

public sealed class LinkListItem
{
    public int Id { get; set; }
    public int LinkListId { get; set; }
    public required string Label { get; set; }
    public required string Url { get; set; }
    public int Position { get; set; }
}
