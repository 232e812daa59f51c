namespace Bayan.Releases;

/// <summary>One save of a language version; kept forever.</summary>
public sealed class Revision
{
    public int Id { get; set; }
    public int ReleaseVersionId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
}
