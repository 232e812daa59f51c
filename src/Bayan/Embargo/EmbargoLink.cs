namespace Bayan.Embargo;

/// <summary>
/// A secret, revocable address that shows a scheduled release to journalists before its time.
/// Only a hash of the token is kept, so the database never holds a working link.
/// </summary>
public sealed class EmbargoLink
{
    public int Id { get; set; }
    public int ReleaseId { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>Who the link is for, e.g. "Wire agencies".</summary>
    public required string Label { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
