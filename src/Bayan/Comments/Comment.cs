namespace Bayan.Comments;

/// <summary>A reader's comment on one language version: plain text, held for moderation unless the site says otherwise.</summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int ReleaseVersionId { get; set; }

    /// <summary>The comment this one answers; replies go one level deep.</summary>
    public int? ParentId { get; set; }

    public required string Name { get; set; }

    /// <summary>Required to comment, never shown.</summary>
    public required string Email { get; set; }

    public required string Text { get; set; }
    public CommentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? ModeratedBy { get; set; }

    /// <summary>
    /// A digest of the form's antiforgery token and fields: the same form sent twice (a double click, a
    /// browser that resends) finds the comment it already made instead of making a second one.
    /// </summary>
    public string? SendingKey { get; set; }
    public DateTime? ModeratedAt { get; set; }
}

public enum CommentStatus
{
    Pending,
    Approved,
    Rejected,
    Spam,
}
