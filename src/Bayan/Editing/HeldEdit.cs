namespace Bayan.Editing;

/// <summary>
/// A text saved for a published (or scheduled) release that waits for someone who may publish it:
/// an office's rule of review, or a writer's edit. The public text stays as it was until the edit is
/// published; one edit waits per language version, and a new save replaces it.
/// </summary>
public sealed class HeldEdit
{
    public int Id { get; set; }
    public int ReleaseId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public string? Slug { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
}
