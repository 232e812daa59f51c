namespace Bayan.Pages;

/// <summary>A static page (About, Contact) in one language; pages sharing a key are translations of each other.</summary>
public sealed class StaticPage
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Language { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
