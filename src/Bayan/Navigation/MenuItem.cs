namespace Bayan.Navigation;

/// <summary>An entry of the main menu in one language.</summary>
public sealed class MenuItem
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string Label { get; set; }
    public required string Url { get; set; }
    public int Position { get; set; }
}
