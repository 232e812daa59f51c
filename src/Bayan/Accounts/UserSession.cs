namespace Bayan.Accounts;

/// <summary>
/// One signed-in browser. Its id travels in the sign-in cookie and is checked on every request;
/// signing out deletes the row, so a copy of the cookie is worth nothing from then on, on every node.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; set; }
    public int UserId { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>When a request last used it, to within <see cref="UserSessions.SeenGranularity"/>: old rows are swept by it.</summary>
    public DateTime SeenAt { get; set; }
}
